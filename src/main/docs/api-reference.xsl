<?xml version="1.0" encoding="UTF-8"?>
<!--
  Generates the browsable API reference (served by the WAR at /clientele/docs/) from the contract itself:
  every WSDL in wsdl/ and every schema they import. Run at build time by Saxon-HE (see pom.xml, execution
  "api-reference"):  java net.sf.saxon.Transform -it:main -xsl:api-reference.xsl wsdlDir=file:/.../wsdl/ outDir=file:/.../
  Output: index.html (services, common headers, fault codes) and one <Service>.html per service with every
  operation's request and response as a tree, its roles and fault codes, a complete sample envelope and "try it".
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
                xmlns:wsp="http://www.w3.org/ns/ws-policy"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:f="urn:clientele:docs:functions"
                exclude-result-prefixes="#all" expand-text="yes">

    <xsl:param name="wsdlDir" as="xs:string" required="yes"/>
    <xsl:param name="outDir" as="xs:string" required="yes"/>

    <xsl:variable name="XS" select="'http://www.w3.org/2001/XMLSchema'"/>
    <xsl:variable name="COMMON" select="'urn:clientele:crm:common:v1'"/>

    <!-- ===================== the contract model ===================== -->

    <xsl:variable name="wsdls" as="document-node()*"
                  select="sort(uri-collection($wsdlDir || '?select=*.wsdl'), (), function($u) { string($u) }) ! doc(.)"/>

    <xsl:variable name="schemas" as="document-node()*"
                  select="f:schema-closure($wsdls//wsdl:types/xs:schema/xs:import[@schemaLocation]
                                           ! doc(resolve-uri(@schemaLocation, base-uri(.))), ())"/>

    <xsl:function name="f:schema-closure" as="document-node()*">
        <xsl:param name="todo" as="document-node()*"/>
        <xsl:param name="done" as="document-node()*"/>
        <xsl:variable name="new" select="$todo except $done"/>
        <xsl:sequence select="if (empty($new)) then $done
            else f:schema-closure($new//xs:schema/(xs:import | xs:include)[@schemaLocation]
                                  ! doc(resolve-uri(@schemaLocation, base-uri(.))), $done | $new)"/>
    </xsl:function>

    <xsl:function name="f:file" as="xs:string">
        <xsl:param name="node" as="node()"/>
        <xsl:sequence select="tokenize(string(base-uri(root($node))), '/')[last()]"/>
    </xsl:function>

    <xsl:function name="f:qname" as="xs:QName">
        <xsl:param name="lexical" as="xs:string"/>
        <xsl:param name="context" as="element()"/>
        <xsl:sequence select="resolve-QName(normalize-space($lexical), $context)"/>
    </xsl:function>

    <xsl:function name="f:global" as="element()?">
        <xsl:param name="kind" as="xs:string*"/>
        <xsl:param name="qn" as="xs:QName"/>
        <xsl:sequence select="($schemas/xs:schema[string(@targetNamespace) = namespace-uri-from-QName($qn)]
                               /*[local-name() = $kind][@name = local-name-from-QName($qn)])[1]"/>
    </xsl:function>

    <xsl:function name="f:wsdl-global" as="element()?">
        <xsl:param name="kind" as="xs:string"/>
        <xsl:param name="qn" as="xs:QName"/>
        <xsl:sequence select="($wsdls/wsdl:definitions[string(@targetNamespace) = namespace-uri-from-QName($qn)]
                               /*[local-name() = $kind][@name = local-name-from-QName($qn)])[1]"/>
    </xsl:function>

    <xsl:function name="f:doc" as="xs:string">
        <xsl:param name="component" as="element()?"/>
        <xsl:sequence select="normalize-space(string-join(($component/xs:annotation/xs:documentation, $component/wsdl:documentation), ' '))"/>
    </xsl:function>

    <!-- The words listed after "Roles:" or "Faults:" in an operation's documentation, remarks in parentheses left out. -->
    <xsl:function name="f:listed" as="xs:string*">
        <xsl:param name="doc" as="xs:string"/>
        <xsl:param name="label" as="xs:string"/>
        <xsl:variable name="after" select="replace(substring-after($doc, $label), '\([^)]*\)', '')"/>
        <xsl:variable name="list" select="if (contains($after, '.')) then substring-before($after, '.') else $after"/>
        <xsl:sequence select="tokenize($list, '[,;]')
                              ! tokenize(normalize-space(.), ' ')[1][. != '']"/>
    </xsl:function>

    <xsl:variable name="errorCodes" as="element(xs:enumeration)*"
                  select="f:global('simpleType', QName($COMMON, 'ErrorCode'))//xs:enumeration"/>

    <!-- One entry per service: its SOAP 1.1 port and, for the same port type, the SOAP 1.2 and X.509 ports. A service
         named *Listener is a contract subscribers implement and Clientele calls: listed apart on the index. -->
    <xsl:variable name="services" as="map(*)*">
        <xsl:for-each select="$wsdls//wsdl:service[wsdl:port/soap:address][not(ends-with(@name, 'X509'))][not(ends-with(@name, 'Listener'))]">
            <xsl:sort select="@name"/>
            <xsl:variable name="port" select="wsdl:port[soap:address][1]"/>
            <xsl:variable name="binding" select="f:wsdl-global('binding', f:qname($port/@binding, $port))"/>
            <xsl:variable name="portTypeName" select="f:qname($binding/@type, $binding)"/>
            <xsl:variable name="others" select="$wsdls//wsdl:service/wsdl:port
                [f:qname(f:wsdl-global('binding', f:qname(@binding, .))/@type, f:wsdl-global('binding', f:qname(@binding, .))) = $portTypeName]"/>
            <xsl:sequence select="map {
                'name': string(@name),
                'service': .,
                'port': $port,
                'binding': $binding,
                'portType': f:wsdl-global('portType', $portTypeName),
                'port12': ($others[soap12:address][not(ends-with(../@name, 'X509'))])[1],
                'portX509': ($others[ends-with(../@name, 'X509')])[1]
            }"/>
        </xsl:for-each>
    </xsl:variable>

    <xsl:function name="f:path" as="xs:string">
        <xsl:param name="location" as="xs:string"/>
        <xsl:sequence select="replace($location, '^[a-zA-Z]+://[^/]+', '')"/>
    </xsl:function>

    <!-- ===================== entry point ===================== -->

    <xsl:template name="main">
        <xsl:if test="empty($services)">
            <xsl:message terminate="yes">No SOAP 1.1 service found in {$wsdlDir}</xsl:message>
        </xsl:if>
        <xsl:result-document href="{$outDir}index.html" method="html" html-version="5" encoding="UTF-8" indent="no">
            <xsl:call-template name="page">
                <xsl:with-param name="title" select="'Clientele API reference'"/>
                <xsl:with-param name="content"><xsl:call-template name="index"/></xsl:with-param>
            </xsl:call-template>
        </xsl:result-document>
        <xsl:for-each select="$services">
            <xsl:result-document href="{$outDir}{?name}.html" method="html" html-version="5" encoding="UTF-8" indent="no">
                <xsl:call-template name="page">
                    <xsl:with-param name="title" select="?name || ' — Clientele API reference'"/>
                    <xsl:with-param name="content"><xsl:call-template name="service"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:with-param>
                </xsl:call-template>
            </xsl:result-document>
        </xsl:for-each>
    </xsl:template>

    <xsl:template name="page">
        <xsl:param name="title" as="xs:string"/>
        <xsl:param name="content"/>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>{$title}</title>
                <link rel="stylesheet" href="assets/reference.css"/>
                <script src="assets/tryit.js" defer="defer"></script>
            </head>
            <body>
                <header class="top">
                    <a class="brand" href="index.html">Clientele API reference</a>
                    <nav>
                        <xsl:for-each select="$services"><a href="{?name}.html">{?name}</a></xsl:for-each>
                    </nav>
                </header>
                <main>
                    <xsl:sequence select="$content"/>
                </main>
                <footer>Generated at build time from the contract (wsdl/, xsd/); the WSDLs and schemas are the source of truth.</footer>
            </body>
        </html>
    </xsl:template>

    <!-- ===================== index ===================== -->

    <xsl:template name="index">
        <h1>Clientele API reference</h1>
        <p>Clientele's product is its SOAP API: every service below is offered over SOAP 1.1 and SOAP 1.2, secured with
            WS-Security (UsernameToken PasswordDigest with nonce and Created, plus a <code>wsu:Timestamp</code>), except
            StatusService. Each service page shows every operation's request and response, the roles allowed, the
            fault codes, a complete sample envelope and a form to try the operation against this server.</p>
        <h2 id="services">Services</h2>
        <table class="services">
            <thead><tr><th>service</th><th>what it offers</th><th>operations</th><th>SOAP 1.1 / 1.2 WSDL</th></tr></thead>
            <tbody>
                <xsl:for-each select="$services">
                    <tr class="service" data-service="{?name}">
                        <td><a href="{?name}.html">{?name}</a></td>
                        <td>{f:doc(?service)}</td>
                        <td>{count(?portType/wsdl:operation)}</td>
                        <td>
                            <a href="{f:path(?port/soap:address/@location)}?wsdl">1.1</a>
                            <xsl:if test="exists(?port12)"> · <a href="{f:path(?port12/soap12:address/@location)}?wsdl">1.2</a></xsl:if>
                        </td>
                    </tr>
                </xsl:for-each>
            </tbody>
        </table>

        <h2 id="listeners">Contracts you implement</h2>
        <p>Clientele also calls out: these are the endpoints a subscriber implements at its own address (see SubscriptionService).</p>
        <ul class="listeners">
            <xsl:for-each select="$wsdls//wsdl:service[ends-with(@name, 'Listener')]">
                <li><a href="contract/wsdl/{f:file(.)}">wsdl/{f:file(.)}</a> — {f:doc(.)}</li>
            </xsl:for-each>
        </ul>

        <h2 id="headers">SOAP headers every operation understands</h2>
        <xsl:for-each select="QName($COMMON, 'RequestContext'), QName($COMMON, 'ResponseContext')">
            <xsl:variable name="e" select="f:global('element', .)"/>
            <xsl:if test="exists($e)">
                <ul class="tree"><xsl:apply-templates select="$e" mode="tree"><xsl:with-param name="stack" select="()"/></xsl:apply-templates></ul>
            </xsl:if>
        </xsl:for-each>

        <h2 id="faults">Faults</h2>
        <p>Every business error is the declared SOAP fault <code>CrmFault</code> with this detail:</p>
        <xsl:variable name="fault" select="f:global('element', QName($COMMON, 'CrmFault'))"/>
        <xsl:if test="exists($fault)">
            <ul class="tree"><xsl:apply-templates select="$fault" mode="tree"><xsl:with-param name="stack" select="()"/></xsl:apply-templates></ul>
        </xsl:if>
        <table class="codes">
            <thead><tr><th>code</th><th>meaning</th></tr></thead>
            <tbody>
                <xsl:for-each select="$errorCodes">
                    <tr id="code-{@value}"><td><code>{@value}</code></td><td>{f:doc(.)}</td></tr>
                </xsl:for-each>
            </tbody>
        </table>

        <h2 id="contract">The contract files</h2>
        <ul class="files">
            <xsl:for-each select="$wsdls">
                <li><a href="contract/wsdl/{f:file(.)}">wsdl/{f:file(.)}</a> — {f:doc(wsdl:definitions)}</li>
            </xsl:for-each>
            <xsl:for-each select="$schemas">
                <xsl:sort select="f:file(.)"/>
                <li><a href="contract/xsd/{f:file(.)}">xsd/{f:file(.)}</a> — {f:doc(xs:schema)}</li>
            </xsl:for-each>
        </ul>
    </xsl:template>

    <!-- ===================== service page ===================== -->

    <xsl:template name="service">
        <xsl:param name="s" as="map(*)"/>
        <xsl:variable name="name" select="$s?name"/>
        <xsl:variable name="secured" select="exists($s?binding/wsp:PolicyReference | $s?binding/wsp:Policy)"/>
        <xsl:variable name="path11" select="f:path($s?port/soap:address/@location)"/>
        <xsl:variable name="path12" select="$s?port12/soap12:address/@location ! f:path(.)"/>
        <h1 data-service="{$name}">{$name}</h1>
        <p class="lead">{f:doc($s?service)}</p>
        <p>Namespace <code>{$s?portType/ancestor::wsdl:definitions/@targetNamespace}</code>.
            <xsl:choose>
                <xsl:when test="$secured">Every call needs a WS-Security header: a UsernameToken with PasswordDigest (Nonce and Created) over HTTP or HTTPS,
                    or PasswordText over HTTPS only, plus a <code>wsu:Timestamp</code>; tokens older than 5 minutes and replayed nonces are refused.</xsl:when>
                <xsl:otherwise>No security header is needed.</xsl:otherwise>
            </xsl:choose></p>

        <h2 id="addresses">Addresses</h2>
        <table class="addresses">
            <thead><tr><th>variant</th><th>endpoint</th><th>WSDL</th></tr></thead>
            <tbody>
                <tr><td>SOAP 1.1</td><td><code class="endpoint" data-path="{$path11}">{$path11}</code></td><td><a href="{$path11}?wsdl">{$path11}?wsdl</a></td></tr>
                <xsl:if test="exists($path12)">
                    <tr><td>SOAP 1.2</td><td><code class="endpoint" data-path="{$path12}">{$path12}</code></td><td><a href="{$path12}?wsdl">{$path12}?wsdl</a></td></tr>
                </xsl:if>
                <xsl:choose>
                    <xsl:when test="exists($s?portX509)">
                        <xsl:variable name="pathX" select="f:path($s?portX509/*:address/@location)"/>
                        <tr><td>X.509 (signed)</td><td><code class="endpoint" data-path="{$pathX}">{$pathX}</code></td><td><a href="{$pathX}?wsdl">{$pathX}?wsdl</a></td></tr>
                    </xsl:when>
                    <xsl:when test="$secured">
                        <tr class="none"><td>X.509 (signed)</td><td>—</td><td>not offered: an administration service, called over UsernameToken</td></tr>
                    </xsl:when>
                </xsl:choose>
            </tbody>
        </table>
        <p class="files">Contract files:
            <xsl:for-each select="root($s?service), root($s?port12), root($s?portType)">
                <a href="contract/wsdl/{f:file(.)}">wsdl/{f:file(.)}</a>
                <xsl:text> </xsl:text>
            </xsl:for-each>
            <xsl:for-each select="distinct-values(f:service-schemas($s?portType) ! f:file(.))">
                <a href="contract/xsd/{.}">xsd/{.}</a>
                <xsl:text> </xsl:text>
            </xsl:for-each>
        </p>

        <h2 id="operations">Operations</h2>
        <ul class="toc">
            <xsl:for-each select="$s?portType/wsdl:operation">
                <li><a href="#op-{@name}">{@name}</a> — {f:summary(f:doc(.))}</li>
            </xsl:for-each>
        </ul>

        <xsl:if test="$secured">
            <section class="credentials" aria-label="credentials for try it">
                <h2 id="try">Try it</h2>
                <p>Each operation below has a form that sends its request to this server. The page builds the
                    WS-Security header in the browser (UsernameToken PasswordDigest with a fresh nonce and Created, and a
                    Timestamp); the password is only used for the digest and is never sent or stored.</p>
                <label>User <input type="text" id="tryit-user" autocomplete="off" value=""/></label>
                <label>Password <input type="password" id="tryit-password" autocomplete="off" value=""/></label>
                <label>SOAP version
                    <select id="tryit-version"><option value="1.1">1.1</option><xsl:if test="exists($path12)"><option value="1.2">1.2</option></xsl:if></select>
                </label>
            </section>
        </xsl:if>

        <xsl:for-each select="$s?portType/wsdl:operation">
            <xsl:call-template name="operation">
                <xsl:with-param name="op" select="."/>
                <xsl:with-param name="s" select="$s"/>
                <xsl:with-param name="secured" select="$secured"/>
                <xsl:with-param name="path11" select="$path11"/>
                <xsl:with-param name="path12" select="$path12"/>
            </xsl:call-template>
        </xsl:for-each>
    </xsl:template>

    <xsl:function name="f:summary" as="xs:string">
        <xsl:param name="doc" as="xs:string"/>
        <xsl:sequence select="normalize-space(if (contains($doc, ' Roles:')) then substring-before($doc, ' Roles:') else $doc)"/>
    </xsl:function>

    <xsl:function name="f:service-schemas" as="document-node()*">
        <xsl:param name="portType" as="element()"/>
        <xsl:variable name="elements" select="$portType/wsdl:operation/(wsdl:input | wsdl:output)
            ! f:wsdl-global('message', f:qname(@message, .))/wsdl:part[@element] ! f:qname(@element, .)"/>
        <xsl:sequence select="f:schema-closure($elements ! root(f:global('element', .)), ())"/>
    </xsl:function>

    <xsl:template name="operation">
        <xsl:param name="op" as="element(wsdl:operation)"/>
        <xsl:param name="s" as="map(*)"/>
        <xsl:param name="secured" as="xs:boolean"/>
        <xsl:param name="path11" as="xs:string"/>
        <xsl:param name="path12" as="xs:string?"/>
        <xsl:variable name="name" select="string($op/@name)"/>
        <xsl:variable name="doc" select="f:doc($op)"/>
        <xsl:variable name="bop" select="$s?binding/wsdl:operation[@name = $name]"/>
        <xsl:variable name="action" select="string($bop/soap:operation/@soapAction)"/>
        <xsl:variable name="in" select="f:part-element($op/wsdl:input)"/>
        <xsl:variable name="out" select="f:part-element($op/wsdl:output)"/>
        <xsl:variable name="hasRequestContext" select="exists($bop/wsdl:input/soap:header)"/>
        <xsl:variable name="roles" select="f:listed($doc, 'Roles:')"/>
        <xsl:variable name="faults" select="f:listed($doc, 'Faults:')"/>
        <xsl:variable name="itemErrors" select="f:listed($doc, 'Item errors:')"/>
        <section class="operation" id="op-{$name}" data-operation="{$name}">
            <h2>{$name}</h2>
            <p class="doc">{$doc}</p>
            <dl class="facts">
                <dt>SOAPAction</dt><dd><code>"{$action}"</code></dd>
                <dt>Roles</dt>
                <dd>
                    <xsl:for-each select="$roles"><span class="role">{.}</span><xsl:text> </xsl:text></xsl:for-each>
                    <xsl:if test="empty($roles)">—</xsl:if>
                </dd>
                <dt>Fault codes</dt>
                <dd>
                    <xsl:for-each select="$faults"><a class="code" href="index.html#code-{.}" title="{f:doc($errorCodes[@value = current()])}">{.}</a><xsl:text> </xsl:text></xsl:for-each>
                    <xsl:if test="empty($faults)">—</xsl:if>
                </dd>
                <xsl:if test="exists($itemErrors)">
                    <dt>Item error codes</dt>
                    <dd><xsl:for-each select="$itemErrors"><a class="code" href="index.html#code-{.}" title="{f:doc($errorCodes[@value = current()])}">{.}</a><xsl:text> </xsl:text></xsl:for-each></dd>
                </xsl:if>
            </dl>

            <h3>Request <code>{string($in/@name)}</code></h3>
            <ul class="tree request"><xsl:apply-templates select="$in" mode="tree"><xsl:with-param name="stack" select="()"/></xsl:apply-templates></ul>
            <h3>Response <code>{string($out/@name)}</code></h3>
            <ul class="tree response"><xsl:apply-templates select="$out" mode="tree"><xsl:with-param name="stack" select="()"/></xsl:apply-templates></ul>

            <xsl:variable name="body" select="f:sample-root($in)"/>
            <xsl:variable name="bodyText" select="replace(serialize($body, map { 'method': 'xml', 'indent': true(), 'omit-xml-declaration': true() }), '\s+$', '')"/>
            <h3>Sample request (SOAP 1.1)</h3>
            <pre class="sample"><code>POST {$path11} HTTP/1.1
Content-Type: text/xml; charset=utf-8
SOAPAction: "{$action}"

{f:envelope($bodyText, $secured, $hasRequestContext)}</code></pre>

            <details class="tryit" data-operation="{$name}" data-action="{$action}" data-path11="{$path11}" data-path12="{$path12}" data-secured="{$secured}">
                <summary>Try {$name}</summary>
                <label>Body (the content of <code>soap:Body</code>; edit it before sending)
                    <textarea class="tryit-body" rows="{min((40, count(tokenize($bodyText, '\n')) + 1))}" spellcheck="false">{$bodyText}</textarea>
                </label>
                <button type="button" class="tryit-send">Send</button>
                <div class="tryit-result" aria-live="polite">
                    <p class="tryit-status"></p>
                    <pre class="tryit-response"><code></code></pre>
                </div>
            </details>
        </section>
    </xsl:template>

    <xsl:function name="f:part-element" as="element(xs:element)?">
        <xsl:param name="io" as="element()"/>
        <xsl:variable name="message" select="f:wsdl-global('message', f:qname($io/@message, $io))"/>
        <xsl:variable name="part" select="$message/wsdl:part[@element][1]"/>
        <xsl:sequence select="$part ! f:global('element', f:qname(@element, .))"/>
    </xsl:function>

    <xsl:function name="f:envelope" as="xs:string">
        <xsl:param name="body" as="xs:string"/>
        <xsl:param name="secured" as="xs:boolean"/>
        <xsl:param name="requestContext" as="xs:boolean"/>
        <xsl:variable name="indented" select="string-join(tokenize($body, '\n') ! ('    ' || .), '&#10;')"/>
        <xsl:variable name="security" as="xs:string"><xsl:value-of><xsl:if test="$secured"><xsl:text>    &lt;wsse:Security soapenv:mustUnderstand="1"
        xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
        xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
      &lt;wsu:Timestamp>
        &lt;wsu:Created>2026-11-28T10:00:00.000Z&lt;/wsu:Created>
        &lt;wsu:Expires>2026-11-28T10:05:00.000Z&lt;/wsu:Expires>
      &lt;/wsu:Timestamp>
      &lt;wsse:UsernameToken>
        &lt;wsse:Username>clientele-dev&lt;/wsse:Username>
        &lt;!-- Base64(SHA-1(nonce bytes + Created + password)), fresh for every request -->
        &lt;wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">q2Nd5ALE2bXqCTaIoBTcL9qZ6G8=&lt;/wsse:Password>
        &lt;wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">nVYTQbP+s6Y5nV9wvBHKeQ==&lt;/wsse:Nonce>
        &lt;wsu:Created>2026-11-28T10:00:00.000Z&lt;/wsu:Created>
      &lt;/wsse:UsernameToken>
    &lt;/wsse:Security>&#10;</xsl:text></xsl:if></xsl:value-of></xsl:variable>
        <xsl:variable name="context" as="xs:string"><xsl:value-of><xsl:if test="$requestContext"><xsl:text>    &lt;c:RequestContext xmlns:c="urn:clientele:crm:common:v1">
      &lt;c:idempotencyKey>my-system-2026-11-28-0001&lt;/c:idempotencyKey>
      &lt;c:clientSystem>SAP-PROD&lt;/c:clientSystem>
      &lt;c:correlationId>batch-2026-11-28-001&lt;/c:correlationId>
    &lt;/c:RequestContext>&#10;</xsl:text></xsl:if></xsl:value-of></xsl:variable>
        <xsl:sequence select="'&lt;soapenv:Envelope xmlns:soapenv=&quot;http://schemas.xmlsoap.org/soap/envelope/&quot;>&#10;'
            || '  &lt;soapenv:Header>&#10;' || $security || $context || '  &lt;/soapenv:Header>&#10;'
            || '  &lt;soapenv:Body>&#10;' || $indented || '&#10;  &lt;/soapenv:Body>&#10;&lt;/soapenv:Envelope>'"/>
    </xsl:function>

    <!-- ===================== trees ===================== -->

    <!-- The type of an element or attribute declaration: a named global type, an inline one, or a built-in (empty). -->
    <xsl:function name="f:type" as="element()?">
        <xsl:param name="decl" as="element()"/>
        <xsl:choose>
            <xsl:when test="$decl/@type">
                <xsl:variable name="qn" select="f:qname($decl/@type, $decl)"/>
                <xsl:sequence select="if (namespace-uri-from-QName($qn) = $XS) then () else f:global(('complexType', 'simpleType'), $qn)"/>
            </xsl:when>
            <xsl:otherwise><xsl:sequence select="$decl/(xs:complexType | xs:simpleType)"/></xsl:otherwise>
        </xsl:choose>
    </xsl:function>

    <xsl:function name="f:type-label" as="xs:string">
        <xsl:param name="decl" as="element()"/>
        <xsl:variable name="t" select="f:type($decl)"/>
        <xsl:sequence select="if ($decl/@type) then string($decl/@type)
            else if ($t/self::xs:simpleType) then (f:builtin($t) ! ('xs:' || local-name-from-QName(.)), 'string')[1]
            else 'complex'"/>
    </xsl:function>

    <!-- The built-in type a simple type restricts in the end. -->
    <xsl:function name="f:builtin" as="xs:QName?">
        <xsl:param name="t" as="element()?"/>
        <xsl:variable name="base" select="$t/xs:restriction/@base ! f:qname(., ..)"/>
        <xsl:sequence select="if (empty($base)) then () else if (namespace-uri-from-QName($base) = $XS) then $base
                              else f:builtin(f:global('simpleType', $base))"/>
    </xsl:function>

    <!-- The restriction steps from a simple type down to its built-in base. -->
    <xsl:function name="f:restrictions" as="element(xs:restriction)*">
        <xsl:param name="t" as="element()?"/>
        <xsl:variable name="r" select="$t/xs:restriction"/>
        <xsl:variable name="base" select="$r/@base ! f:qname(., ..)"/>
        <xsl:sequence select="$r, (if (exists($base) and namespace-uri-from-QName($base) != $XS) then f:restrictions(f:global('simpleType', $base)) else ())"/>
    </xsl:function>

    <xsl:function name="f:constraints" as="xs:string*">
        <xsl:param name="t" as="element()?"/>
        <xsl:variable name="r" select="f:restrictions($t)"/>
        <xsl:variable name="first" select="function($facet) { ($r/*[local-name() = $facet])[1]/@value/string() }"/>
        <xsl:variable name="min" select="$first('minLength')"/>
        <xsl:variable name="max" select="$first('maxLength')"/>
        <xsl:sequence select="(
            if (exists($first('length'))) then 'length ' || $first('length') else (),
            if (exists($min) and exists($max)) then $min || '–' || $max || ' characters'
                else if (exists($max)) then 'at most ' || $max || ' characters'
                else if (exists($min)) then 'at least ' || $min || ' characters' else (),
            $first('minInclusive') ! ('≥ ' || .), $first('minExclusive') ! ('> ' || .),
            $first('maxInclusive') ! ('≤ ' || .), $first('maxExclusive') ! ('&lt; ' || .),
            $first('totalDigits') ! (. || ' digits'), $first('fractionDigits') ! (. || ' after the point'),
            ($r/xs:pattern)[1]/@value ! ('pattern ' || .))"/>
    </xsl:function>

    <xsl:function name="f:cardinality" as="xs:string">
        <xsl:param name="e" as="element()"/>
        <xsl:variable name="min" select="if ($e/self::xs:attribute) then (if ($e/@use = 'required') then '1' else '0') else string(($e/@minOccurs, '1')[1])"/>
        <xsl:variable name="max" select="if ($e/self::xs:attribute) then '1' else string(($e/@maxOccurs, '1')[1])"/>
        <xsl:sequence select="if ($e/parent::xs:schema) then '' else '[' || $min || '..' || (if ($max = 'unbounded') then '*' else $max) || ']'"/>
    </xsl:function>

    <!-- The element declarations of a complex type's content, base type first for an extension. -->
    <xsl:function name="f:children" as="element()*">
        <xsl:param name="t" as="element()?"/>
        <xsl:variable name="ext" select="$t/xs:complexContent/xs:extension"/>
        <xsl:sequence select="(
            $ext/@base ! f:children(f:global('complexType', f:qname(., ..))),
            ($t, $ext)/(xs:sequence | xs:all | xs:choice)/f:particles(.),
            ($t, $ext, $t/xs:simpleContent/xs:extension)/xs:attribute)"/>
    </xsl:function>

    <xsl:function name="f:particles" as="element()*">
        <xsl:param name="group" as="element()"/>
        <xsl:for-each select="$group/*">
            <xsl:choose>
                <xsl:when test="self::xs:element[@ref]"><xsl:sequence select="f:global('element', f:qname(@ref, .))"/></xsl:when>
                <xsl:when test="self::xs:element"><xsl:sequence select="."/></xsl:when>
                <xsl:when test="self::xs:sequence | self::xs:choice | self::xs:all"><xsl:sequence select="f:particles(.)"/></xsl:when>
            </xsl:choose>
        </xsl:for-each>
    </xsl:function>

    <xsl:template match="xs:element | xs:attribute" mode="tree">
        <xsl:param name="stack" as="element()*"/>
        <xsl:variable name="t" select="f:type(.)"/>
        <xsl:variable name="simple" select="if ($t/self::xs:complexType) then () else $t"/>
        <xsl:variable name="typeDoc" select="if (@type) then f:doc($t) else ''"/>
        <li data-element="{@name}">
            <span class="name">{if (self::xs:attribute) then '@' else ''}{@name}</span>
            <xsl:text> </xsl:text><span class="type" title="{$typeDoc}">{f:type-label(.)}</span>
            <xsl:text> </xsl:text><span class="card">{f:cardinality(.)}</span>
            <xsl:if test="parent::xs:choice"><xsl:text> </xsl:text><span class="constraint">one of a choice</span></xsl:if>
            <xsl:for-each select="f:constraints($simple), @default ! ('default ' || .), @fixed ! ('fixed ' || .), @nillable[. = 'true'] ! 'nillable'">
                <xsl:text> </xsl:text><span class="constraint">{.}</span>
            </xsl:for-each>
            <xsl:if test="f:doc(.) != ''"><div class="doc">{f:doc(.)}</div></xsl:if>
            <xsl:if test="$typeDoc != '' and $typeDoc != f:doc(.)"><div class="typedoc">{string(@type)}: {$typeDoc}</div></xsl:if>
            <xsl:variable name="enums" select="(f:restrictions($simple)[xs:enumeration])[1]/xs:enumeration"/>
            <xsl:if test="exists($enums)">
                <ul class="enum">
                    <xsl:for-each select="$enums"><li><code>{@value}</code><xsl:if test="f:doc(.) != ''"> — {f:doc(.)}</xsl:if></li></xsl:for-each>
                </ul>
            </xsl:if>
            <xsl:if test="$t/self::xs:complexType">
                <xsl:choose>
                    <xsl:when test="$t/@name and (some $x in $stack satisfies $x is $t)">
                        <div class="doc">(recursive: the same structure as above)</div>
                    </xsl:when>
                    <xsl:otherwise>
                        <xsl:variable name="children" select="f:children($t)"/>
                        <xsl:if test="exists($children)">
                            <ul><xsl:apply-templates select="$children" mode="tree"><xsl:with-param name="stack" select="$stack, $t"/></xsl:apply-templates></ul>
                        </xsl:if>
                    </xsl:otherwise>
                </xsl:choose>
            </xsl:if>
        </li>
    </xsl:template>

    <!-- ===================== sample messages ===================== -->

    <xsl:function name="f:namespace" as="xs:string">
        <xsl:param name="e" as="element(xs:element)"/>
        <xsl:variable name="schema" select="$e/ancestor::xs:schema[1]"/>
        <xsl:sequence select="if ($e/parent::xs:schema or ($e/@form, $schema/@elementFormDefault)[1] = 'qualified')
                              then string($schema/@targetNamespace) else ''"/>
    </xsl:function>

    <xsl:function name="f:prefix" as="xs:string">
        <xsl:param name="ns" as="xs:string"/>
        <xsl:variable name="schema" select="$schemas/xs:schema[@targetNamespace = $ns][1]"/>
        <xsl:sequence select="(in-scope-prefixes($schema)[. != '' and . != 'xml'][namespace-uri-for-prefix(., $schema) = $ns], 'ns')[1]"/>
    </xsl:function>

    <!-- A request body with every element once (a choice: its first branch), every namespace declared on the root. -->
    <xsl:function name="f:sample-root" as="element()">
        <xsl:param name="e" as="element(xs:element)"/>
        <xsl:variable name="tree" as="element()"><xsl:apply-templates select="$e" mode="sample"/></xsl:variable>
        <xsl:element name="{name($tree)}" namespace="{namespace-uri($tree)}">
            <xsl:for-each select="distinct-values($tree/descendant-or-self::*/namespace-uri()[. != ''])">
                <xsl:namespace name="{f:prefix(.)}" select="."/>
            </xsl:for-each>
            <xsl:copy-of select="$tree/node()"/>
        </xsl:element>
    </xsl:function>

    <!-- Left out of samples: continuation tokens and expected versions (a sample value would be refused). -->
    <xsl:function name="f:in-sample" as="xs:boolean">
        <xsl:param name="e" as="element()"/>
        <xsl:sequence select="not(replace(string($e/@type), '^.*:', '') = ('PageToken', 'Cursor'))
                              and not($e/@name = ('pageToken', 'cursor', 'expectedVersion', 'masterExpectedVersion'))
                              and not($e/parent::xs:choice and $e/preceding-sibling::*)"/>
    </xsl:function>

    <xsl:template match="xs:element" mode="sample">
        <xsl:param name="stack" as="element()*" select="()"/>
        <xsl:variable name="ns" select="f:namespace(.)"/>
        <xsl:variable name="t" select="f:type(.)"/>
        <xsl:element name="{if ($ns = '') then @name else f:prefix($ns) || ':' || @name}" namespace="{$ns}">
            <xsl:choose>
                <xsl:when test="$t/self::xs:complexType">
                    <xsl:if test="not($t/@name and (some $x in $stack satisfies $x is $t))">
                        <xsl:apply-templates select="f:children($t)[self::xs:element][f:in-sample(.)]" mode="sample">
                            <xsl:with-param name="stack" select="$stack, $t"/>
                        </xsl:apply-templates>
                    </xsl:if>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="f:sample-value(.)"/></xsl:otherwise>
            </xsl:choose>
        </xsl:element>
    </xsl:template>

    <xsl:variable name="knownSamples" as="map(xs:string, xs:string)" select="map {
        'ExternalSystem': 'SAP-PROD', 'Email': 'info@acme.example', 'Phone': '+49 30 1234567', 'CountryCode': 'DE',
        'CurrencyCode': 'EUR', 'CaseNumber': 'CS-2026-000001', 'FileName': 'invoice.pdf', 'MediaType': 'application/pdf',
        'Sha256': '0000000000000000000000000000000000000000000000000000000000000000', 'Id': '1', 'Version': '0', 'PageSize': '100'
    }"/>

    <xsl:function name="f:sample-value" as="xs:string">
        <xsl:param name="e" as="element()"/>
        <xsl:variable name="t" select="f:type($e)"/>
        <xsl:variable name="named" select="(f:restrictions($t)/../@name/string(), string($e/@type) ! replace(., '^.*:', ''))[map:contains($knownSamples, .)][1]"/>
        <xsl:variable name="enum" select="(f:restrictions($t)/xs:enumeration)[1]/@value/string()"/>
        <xsl:variable name="builtin" select="local-name-from-QName((if ($e/@type and empty($t)) then f:qname($e/@type, $e) else f:builtin($t), QName($XS, 'string'))[1])"/>
        <xsl:variable name="min" select="(f:restrictions($t)/xs:minInclusive)[1]/@value/string()"/>
        <xsl:variable name="maxLength" select="(f:restrictions($t)/xs:maxLength)[1]/@value ! xs:integer(.)"/>
        <xsl:variable name="value" select="
            if (exists($enum)) then $enum
            else if (exists($named)) then $knownSamples($named)
            else if ($builtin = ('long', 'int', 'integer', 'short', 'positiveInteger', 'nonNegativeInteger')) then ($min, '1')[1]
            else if ($builtin = 'decimal') then ($min[. != '0'], '100.00')[1]
            else if ($builtin = 'boolean') then 'false'
            else if ($builtin = 'date') then '2026-03-01'
            else if ($builtin = 'dateTime') then '2026-03-01T09:00:00Z'
            else if ($builtin = 'base64Binary') then 'SGVsbG8sIENsaWVudGVsZSE='
            else 'Sample ' || $e/@name"/>
        <xsl:sequence select="if (exists($maxLength) and string-length($value) > $maxLength) then substring($value, 1, $maxLength) else $value"/>
    </xsl:function>
</xsl:stylesheet>
