/*
 * "Try it" for the Clientele API reference: builds the WS-Security header in the browser (UsernameToken with
 * PasswordDigest = Base64(SHA-1(nonce + Created + password)) via Web Crypto, a fresh nonce, Created, and a
 * wsu:Timestamp), wraps the edited body in a SOAP envelope, POSTs it to this server and shows the response,
 * pretty-printed, with its HTTP status and time. Nothing is stored; the password only feeds the digest.
 */
(function () {
    'use strict';

    var WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
    var WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
    var DIGEST = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
    var BASE64 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
    var ENVELOPE = {
        '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
        '1.2': 'http://www.w3.org/2003/05/soap-envelope'
    };

    function base64(bytes) {
        var s = '';
        for (var i = 0; i < bytes.length; i++) {
            s += String.fromCharCode(bytes[i]);
        }
        return btoa(s);
    }

    function escapeXml(s) {
        return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    }

    function sha1(bytes) {
        if (!window.crypto || !window.crypto.subtle) {
            return Promise.reject(new Error('Web Crypto is not available here: browsers offer it on https:// pages and on localhost only.'));
        }
        return window.crypto.subtle.digest('SHA-1', bytes).then(function (d) { return new Uint8Array(d); });
    }

    /** The wsse:Security header: Timestamp (5 minutes) and UsernameToken with PasswordDigest, nonce and Created. */
    function securityHeader(user, password) {
        var nonce = window.crypto.getRandomValues(new Uint8Array(16));
        var now = new Date();
        var created = now.toISOString();
        var expires = new Date(now.getTime() + 5 * 60 * 1000).toISOString();
        var encoder = new TextEncoder();
        var c = encoder.encode(created);
        var p = encoder.encode(password);
        var input = new Uint8Array(nonce.length + c.length + p.length);
        input.set(nonce, 0);
        input.set(c, nonce.length);
        input.set(p, nonce.length + c.length);
        return sha1(input).then(function (digest) {
            return '<wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="' + WSSE + '" xmlns:wsu="' + WSU + '">'
                + '<wsu:Timestamp wsu:Id="TS-1"><wsu:Created>' + created + '</wsu:Created><wsu:Expires>' + expires + '</wsu:Expires></wsu:Timestamp>'
                + '<wsse:UsernameToken wsu:Id="UT-1"><wsse:Username>' + escapeXml(user) + '</wsse:Username>'
                + '<wsse:Password Type="' + DIGEST + '">' + base64(digest) + '</wsse:Password>'
                + '<wsse:Nonce EncodingType="' + BASE64 + '">' + base64(nonce) + '</wsse:Nonce>'
                + '<wsu:Created>' + created + '</wsu:Created></wsse:UsernameToken></wsse:Security>';
        });
    }

    /** Indents an XML document for display; returns null when the text is not well-formed XML. */
    function pretty(text) {
        var doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) {
            return null;
        }
        var out = [];
        function attrs(e) {
            var s = '';
            for (var i = 0; i < e.attributes.length; i++) {
                s += ' ' + e.attributes[i].name + '="' + escapeXml(e.attributes[i].value) + '"';
            }
            return s;
        }
        function walk(node, indent) {
            var children = Array.prototype.filter.call(node.childNodes, function (n) {
                return n.nodeType === 1 || ((n.nodeType === 3 || n.nodeType === 4) && n.nodeValue.trim() !== '');
            });
            if (children.length === 0) {
                out.push(indent + '<' + node.nodeName + attrs(node) + '/>');
            } else if (children.length === 1 && children[0].nodeType !== 1) {
                out.push(indent + '<' + node.nodeName + attrs(node) + '>' + escapeXml(children[0].nodeValue.trim()) + '</' + node.nodeName + '>');
            } else {
                out.push(indent + '<' + node.nodeName + attrs(node) + '>');
                children.forEach(function (c) {
                    if (c.nodeType === 1) {
                        walk(c, indent + '  ');
                    } else {
                        out.push(indent + '  ' + escapeXml(c.nodeValue.trim()));
                    }
                });
                out.push(indent + '</' + node.nodeName + '>');
            }
        }
        walk(doc.documentElement, '');
        return out.join('\n');
    }

    function value(id) {
        var e = document.getElementById(id);
        return e ? e.value : '';
    }

    function send(panel) {
        var status = panel.querySelector('.tryit-status');
        var output = panel.querySelector('.tryit-response code');
        var body = panel.querySelector('.tryit-body').value.trim();
        var version = value('tryit-version') || '1.1';
        var secured = panel.getAttribute('data-secured') === 'true';
        var action = panel.getAttribute('data-action');
        var path = version === '1.2' && panel.getAttribute('data-path12') ? panel.getAttribute('data-path12') : panel.getAttribute('data-path11');
        panel.removeAttribute('data-status');
        output.textContent = '';
        if (pretty('<body>' + body + '</body>') === null) {
            status.textContent = 'The body is not well-formed XML.';
            panel.setAttribute('data-status', 'invalid');
            return;
        }
        var user = value('tryit-user');
        var password = value('tryit-password');
        if (secured && user === '') {
            status.textContent = 'Enter a user and password first.';
            panel.setAttribute('data-status', 'invalid');
            return;
        }
        status.textContent = 'Sending…';
        var header = secured ? securityHeader(user, password) : Promise.resolve('');
        header.then(function (security) {
            var envelope = '<soapenv:Envelope xmlns:soapenv="' + ENVELOPE[version] + '">'
                + '<soapenv:Header>' + security + '</soapenv:Header>'
                + '<soapenv:Body>' + body + '</soapenv:Body></soapenv:Envelope>';
            var headers = version === '1.2'
                ? { 'Content-Type': 'application/soap+xml; charset=utf-8; action="' + action + '"' }
                : { 'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"' + action + '"' };
            var started = performance.now();
            return fetch(path, { method: 'POST', headers: headers, body: envelope, credentials: 'omit', cache: 'no-store' })
                .then(function (response) {
                    return response.text().then(function (text) {
                        var millis = Math.round(performance.now() - started);
                        status.textContent = 'HTTP ' + response.status + ' ' + response.statusText + ' — ' + millis + ' ms';
                        panel.setAttribute('data-status', String(response.status));
                        output.textContent = pretty(text) || text;
                    });
                });
        }).catch(function (error) {
            status.textContent = 'Not sent: ' + error.message;
            panel.setAttribute('data-status', 'error');
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        Array.prototype.forEach.call(document.querySelectorAll('code.endpoint'), function (e) {
            e.textContent = window.location.origin + e.getAttribute('data-path');
        });
        Array.prototype.forEach.call(document.querySelectorAll('details.tryit'), function (panel) {
            panel.querySelector('.tryit-send').addEventListener('click', function () { send(panel); });
        });
    });
})();
