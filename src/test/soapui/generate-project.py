#!/usr/bin/env python3
"""Generates src/test/soapui/clientele-soapui-project.xml, the SoapUI 5.x project testers import.

Usage: python3 src/test/soapui/generate-project.py <repository root>

The project caches the WSDLs and schemas of wsdl/ and xsd/; SoapUiProjectCoverageTest fails when they drift
from the contract or when an operation lacks a happy-path or fault test case. After a contract change, add the
test cases here and run this script (or, in SoapUI, "Update Definition" and add the cases by hand).

The *X509 suites sign and encrypt with SoapUI's keystore-based WS-Security (con:crypto, con:outgoing, con:incoming);
their key stores are the TEST-ONLY ones src/test/x509/setup-test-x509.sh generates into target/x509-test (project
property x509Dir; password "test-only"), see docs/testing.md.
"""
import sys, uuid, os, re
from urllib.parse import urljoin
from xml.sax.saxutils import escape

ROOT = sys.argv[1]
OUT = os.path.join(ROOT, 'src/test/soapui/clientele-soapui-project.xml')
_ids = [0]


def uid():
    _ids[0] += 1
    return str(uuid.uuid5(uuid.NAMESPACE_URL, 'clientele-soapui-%d' % _ids[0]))


def attr(s):
    return escape(s, {'"': '&quot;'})


def cdata(s):
    return '<![CDATA[' + s.replace(']]>', ']]]]><![CDATA[>') + ']]>'


SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/'
SOAP12 = 'http://www.w3.org/2003/05/soap-envelope'
CU = 'urn:clientele:crm:customer:v1'
C = 'urn:clientele:crm:common:v1'
ST = 'urn:clientele:crm:status:v1'
SY = 'urn:clientele:crm:sync:v1'
CS = 'urn:clientele:crm:case:v1'
CA = 'urn:clientele:crm:campaign:v1'
SU = 'urn:clientele:crm:subscription:v1'
MAXID = '9223372036854775807'
SEC_MSG = 'A security error was encountered when verifying the message'

I11, I12, S11, S12 = 'CustomerServiceSoap11Binding', 'CustomerServiceSoap12Binding', 'StatusServiceSoap11Binding', 'StatusServiceSoap12Binding'
Y11, Y12 = 'SyncServiceSoap11Binding', 'SyncServiceSoap12Binding'
K11, K12 = 'CaseServiceSoap11Binding', 'CaseServiceSoap12Binding'
M11, M12 = 'CampaignServiceSoap11Binding', 'CampaignServiceSoap12Binding'
# the X.509 sign + encrypt ports (SOAP 1.1): AsymmetricBinding, Basic256Sha256, signed Timestamp, Body signed and encrypted
IX, YX, KX, MX = 'CustomerServiceX509Binding', 'SyncServiceX509Binding', 'CaseServiceX509Binding', 'CampaignServiceX509Binding'
U11, U12 = 'SubscriptionServiceSoap11Binding', 'SubscriptionServiceSoap12Binding'
IFACES = {
    I11: dict(ver='1_1', ns=CU, wsdl='CustomerService.wsdl', path='/clientele/CustomerService', abstract='CustomerServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd']),
    I12: dict(ver='1_2', ns=CU, wsdl='CustomerService12.wsdl', path='/clientele/CustomerService12', abstract='CustomerServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd']),
    S11: dict(ver='1_1', ns=ST, wsdl='StatusService.wsdl', path='/clientele/StatusService', abstract='StatusServiceAbstract.wsdl', xsds=['common.xsd', 'status.xsd']),
    S12: dict(ver='1_2', ns=ST, wsdl='StatusService12.wsdl', path='/clientele/StatusService12', abstract='StatusServiceAbstract.wsdl', xsds=['common.xsd', 'status.xsd']),
    Y11: dict(ver='1_1', ns=SY, wsdl='SyncService.wsdl', path='/clientele/SyncService', abstract='SyncServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd', 'sync.xsd']),
    Y12: dict(ver='1_2', ns=SY, wsdl='SyncService12.wsdl', path='/clientele/SyncService12', abstract='SyncServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd', 'sync.xsd']),
    K11: dict(ver='1_1', ns=CS, wsdl='CaseService.wsdl', path='/clientele/CaseService', abstract='CaseServiceAbstract.wsdl', xsds=['common.xsd', 'case.xsd']),
    K12: dict(ver='1_2', ns=CS, wsdl='CaseService12.wsdl', path='/clientele/CaseService12', abstract='CaseServiceAbstract.wsdl', xsds=['common.xsd', 'case.xsd']),
    M11: dict(ver='1_1', ns=CA, wsdl='CampaignService.wsdl', path='/clientele/CampaignService', abstract='CampaignServiceAbstract.wsdl', xsds=['common.xsd', 'campaign.xsd']),
    M12: dict(ver='1_2', ns=CA, wsdl='CampaignService12.wsdl', path='/clientele/CampaignService12', abstract='CampaignServiceAbstract.wsdl', xsds=['common.xsd', 'campaign.xsd']),
    IX: dict(ver='1_1', ns=CU, wsdl='CustomerServiceX509.wsdl', path='/clientele/CustomerServiceX509', abstract='CustomerServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd']),
    YX: dict(ver='1_1', ns=SY, wsdl='SyncServiceX509.wsdl', path='/clientele/SyncServiceX509', abstract='SyncServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd', 'sync.xsd']),
    KX: dict(ver='1_1', ns=CS, wsdl='CaseServiceX509.wsdl', path='/clientele/CaseServiceX509', abstract='CaseServiceAbstract.wsdl', xsds=['common.xsd', 'case.xsd']),
    MX: dict(ver='1_1', ns=CA, wsdl='CampaignServiceX509.wsdl', path='/clientele/CampaignServiceX509', abstract='CampaignServiceAbstract.wsdl', xsds=['common.xsd', 'campaign.xsd']),
    U11: dict(ver='1_1', ns=SU, wsdl='SubscriptionService.wsdl', path='/clientele/SubscriptionService', abstract='SubscriptionServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd', 'sync.xsd', 'subscription.xsd']),
    U12: dict(ver='1_2', ns=SU, wsdl='SubscriptionService12.wsdl', path='/clientele/SubscriptionService12', abstract='SubscriptionServiceAbstract.wsdl', xsds=['common.xsd', 'customer.xsd', 'sync.xsd', 'subscription.xsd']),
}
X509 = (IX, YX, KX, MX)
X509_CROSS = {I11: IX, I12: IX}  # customers that an X.509 case needs are created over CustomerService's X.509 port
X509_ROLES = {'clientele': 'integration', 'clientele-readonly': 'readonly', 'clientele-agent': 'agent', 'clientele-marketing': 'marketing'}


def x509_wss(wss):
    """(outgoing, incoming) WS-Security configurations of an X.509 request that stands in for one made with wss."""
    if wss == '':
        return '', ''
    role = X509_ROLES[wss]  # a UsernameToken-only configuration (wrong password, ...) has no X.509 counterpart
    return 'x509-' + role, 'x509-' + role + '-response'


def x509(cases, plain=True):
    """The SOAP 1.x cases of a lifecycle generator, relabelled as X.509 cases, and a plain request that is refused."""
    def relabel(t):
        return t.replace('SoapUI12', 'SoapUIX509').replace('SOAPUI12', 'SOAPUIX509').replace('SOAP 1.2', 'X.509').replace('SOAP 1.1', 'X.509')
    for c in cases:
        c.name = relabel(c.name)
        c.steps = [relabel(st) for st in c.steps]
    if plain:
        iface = cases[0].iface
        op, body = {CU: ('getCustomers', get(ids=[MAXID])), CS: ('getCases', get_cases(ids=[MAXID])),
                    CA: ('getCampaigns', get_campaigns(MAXID))}[IFACES[iface]['ns']]
        c = Case(iface, 'Security - a plain request (neither signed nor encrypted) is refused')
        c.req('%s without WS-Security' % op, op, body, secfault(iface), wss='')
        cases.append(c)
    return cases


ACTIONS = {CU: 'urn:clientele:CustomerService:', ST: 'urn:clientele:StatusService:', SY: 'urn:clientele:SyncService:', CS: 'urn:clientele:CaseService:',
           CA: 'urn:clientele:CampaignService:', SU: 'urn:clientele:SubscriptionService:'}
CUSTOMER_OPS = ['createCustomers', 'updateCustomers', 'upsertCustomers', 'getCustomers', 'findCustomers', 'deleteCustomers',
                'undeleteCustomers', 'mergeCustomers', 'recordInteractions', 'listInteractions']
CASE_OPS = ['openCases', 'getCases', 'findCases', 'updateCases', 'changeCaseStatus', 'assignCase', 'addCaseComment',
            'listCaseComments', 'addCaseAttachment', 'getCaseAttachment']
CAMPAIGN_OPS = ['createCampaigns', 'updateCampaigns', 'getCampaigns', 'findCampaigns', 'addCampaignMembers', 'removeCampaignMembers',
                'recordCampaignResponses', 'getCampaignStatistics']
SUBSCRIPTION_OPS = ['createSubscription', 'listSubscriptions', 'pauseSubscription', 'resumeSubscription', 'deleteSubscription']
OPS = {CU: CUSTOMER_OPS, ST: ['ping'], SY: ['getChanges', 'getLatestCursor'], CS: CASE_OPS, CA: CAMPAIGN_OPS, SU: SUBSCRIPTION_OPS}


def soapns(iface):
    return SOAP12 if IFACES[iface]['ver'] == '1_2' else SOAP11


def decl(iface, path):
    out = ''
    for prefix, ns in (('soap', soapns(iface)), ('cu', CU), ('c', C), ('st', ST), ('sy', SY), ('cs', CS), ('ca', CA), ('su', SU)):
        if re.search(r'(?<![\w-])%s:' % prefix, path):
            out += "declare namespace %s='%s';\n" % (prefix, ns)
    return out


def envelope(iface, body):
    header = '<soapenv:Header/>'
    if isinstance(body, tuple):
        header = '<soapenv:Header>%s</soapenv:Header>' % body[0]
        body = body[1]
    ns = {CU: 'xmlns:cu="%s" xmlns:c="%s"' % (CU, C), ST: 'xmlns:st="%s"' % ST, SY: 'xmlns:sy="%s" xmlns:c="%s"' % (SY, C),
          CS: 'xmlns:cs="%s" xmlns:c="%s"' % (CS, C), CA: 'xmlns:ca="%s" xmlns:c="%s"' % (CA, C),
          SU: 'xmlns:su="%s" xmlns:sy="%s"' % (SU, SY)}[IFACES[iface]['ns']]
    return ('<soapenv:Envelope xmlns:soapenv="%s" %s>\n'
            '   %s\n   <soapenv:Body>\n%s\n   </soapenv:Body>\n</soapenv:Envelope>'
            % (soapns(iface), ns, header, body))


# ------------------------------------------------------------------ assertions

def a_soap():
    return '<con:assertion type="SOAP Response" id="%s" name="SOAP Response"/>' % uid()


def a_notfault():
    return '<con:assertion type="Not SOAP Fault Assertion" id="%s" name="Not SOAP Fault"/>' % uid()


def a_fault():
    return '<con:assertion type="SOAP Fault Assertion" id="%s" name="SOAP Fault"/>' % uid()


def a_status(codes):
    return ('<con:assertion type="Valid HTTP Status Codes" id="%s" name="HTTP %s"><con:configuration><codes>%s</codes></con:configuration></con:assertion>'
            % (uid(), codes, codes))


def a_schema():
    return '<con:assertion type="Schema Compliance" id="%s" name="Schema Compliance"><con:configuration><definition/></con:configuration></con:assertion>' % uid()


def a_xpath(iface, path, expected, name=None, wildcards=False):
    return ('<con:assertion type="XPath Match" id="%s" name="%s"><con:configuration><path>%s</path><content>%s</content>'
            '<allowWildcards>%s</allowWildcards><ignoreNamspaceDifferences>false</ignoreNamspaceDifferences><ignoreComments>false</ignoreComments>'
            '</con:configuration></con:assertion>'
            % (uid(), attr(name or ('%s = %s' % (path, expected))), escape(decl(iface, path) + path), escape(expected), str(wildcards).lower()))


def ok(iface, *checks):
    return [a_soap(), a_notfault(), a_status('200'), a_schema()] + [a_xpath(iface, p, e) for p, e in checks]


def crmfault(iface, code, *checks):
    return [a_soap(), a_fault(), a_status('500'), a_schema(),
            a_xpath(iface, '//soap:Fault//c:CrmFault/c:code', code, 'CrmFault code ' + code)] + [a_xpath(iface, p, e) for p, e in checks]


def secfault(iface, message=SEC_MSG):
    text = '//soap:Fault/soap:Reason/soap:Text' if IFACES[iface]['ver'] == '1_2' else '//soap:Fault/faultstring'
    return [a_soap(), a_fault(), a_status('500'), a_xpath(iface, text, message, 'security fault text', wildcards='*' in message),
            a_xpath(iface, 'count(//c:CrmFault)', '0', 'no CrmFault detail')]


# ------------------------------------------------------------------ steps

def request(name, iface, op, body, assertions, wss='clientele', incoming=''):
    ep = '${#Project#endpoint}' + IFACES[iface]['path']
    return ('<con:testStep type="request" name="%s" id="%s"><con:settings/><con:config xsi:type="con:RequestStep" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<con:interface>%s</con:interface><con:operation>%s</con:operation>'
            '<con:request name="%s" outgoingWss="%s" incomingWss="%s" timeout="" sslKeystore="" useWsAddressing="false" useWsReliableMessaging="false" wssPasswordType="" id="%s">'
            '<con:settings/><con:encoding>UTF-8</con:encoding><con:endpoint>%s</con:endpoint><con:request>%s</con:request>\n%s\n'
            '<con:credentials><con:authType>No Authorization</con:authType></con:credentials><con:jmsConfig JMSDeliveryMode="PERSISTENT"/><con:jmsPropertyConfig/>'
            '<con:wsaConfig mustUnderstand="NONE" version="200508"/><con:wsrmConfig version="1.2"/></con:request></con:config></con:testStep>'
            % (attr(name), uid(), iface, op, attr(name), wss, incoming, uid(), escape(ep), cdata(envelope(iface, body)), '\n'.join(assertions)))


class Case:
    def __init__(self, iface, name):
        self.iface = iface
        self.name = name
        self.steps = []
        self.props = []
        self.timeout = 0  # TestCase Options' timeout (ms); bounds the loops of Conditional Goto steps
        # A case on an X.509 port signs and encrypts every request (including those to other services) with the
        # key stores of the role the UsernameToken configuration would have used, and decrypts and verifies the answers.
        self.sec = x509_wss if iface in X509 else None
        self.cross = X509_CROSS if iface in X509 else {}

    def prop(self, p):
        if p not in self.props:
            self.props.append(p)

    def req(self, name, op, body, assertions, wss='clientele', iface=None):
        incoming = ''
        if self.sec:
            wss, incoming = self.sec(wss)
        iface = self.cross.get(iface, iface)
        self.steps.append(request(name, iface or self.iface, op, body, assertions, wss, incoming))
        return self

    def transfer(self, name, *items):
        xs = []
        for prop, step, path in items:
            self.prop(prop)
            xs.append('<con:transfers setNullOnMissingSource="true" transferTextContent="true" failOnError="true" ignoreEmpty="false" transferToAll="false" entitize="false" transferChildNodes="false">'
                      '<con:name>%s</con:name><con:sourceType>Response</con:sourceType><con:sourceStep>%s</con:sourceStep><con:sourcePath>%s</con:sourcePath>'
                      '<con:targetType>%s</con:targetType><con:targetStep>#TestCase#</con:targetStep><con:targetPath/><con:upgraded>true</con:upgraded></con:transfers>'
                      % (prop, attr(step), escape(decl(self.iface, path) + path), prop))
        self.steps.append('<con:testStep type="transfer" name="%s" id="%s"><con:settings/><con:config xsi:type="con:PropertyTransfersStep" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">%s</con:config></con:testStep>'
                          % (attr(name), uid(), ''.join(xs)))
        return self

    def delay(self, name, millis):
        self.steps.append('<con:testStep type="delay" name="%s" id="%s"><con:settings/><con:config><delay>%d</delay></con:config></con:testStep>' % (attr(name), uid(), millis))
        return self

    def goto(self, name, condition, path, target):
        """SoapUI's Conditional Goto: when the XPath is true on the previous request's response, continue at target."""
        self.steps.append('<con:testStep type="goto" name="%s" id="%s"><con:settings/><con:config xsi:type="con:GotoStepConfig" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                          '<con:condition><con:name>%s</con:name><con:expression>%s</con:expression><con:targetStep>%s</con:targetStep><con:type>XPATH</con:type></con:condition>'
                          '</con:config></con:testStep>' % (attr(name), uid(), escape(condition), escape(decl(self.iface, path) + path), escape(target)))
        return self

    def seed(self):
        status = S12 if IFACES[self.iface]['ver'] == '1_2' else S11
        self.req('Seed runId (ping)', 'ping', '      <st:ping/>', ok(status, ('count(//st:pingResponse/st:serverTime)', '1')), wss='', iface=status)
        self.transfer('Transfer runId', ('runId', 'Seed runId (ping)', '//st:pingResponse/st:serverTime'))
        return self

    def xml(self):
        props = ''.join('<con:property><con:name>%s</con:name><con:value/></con:property>' % p for p in self.props)
        timeout = ' timeout="%d"' % self.timeout if self.timeout else ''
        return ('<con:testCase id="%s" failOnError="true" failTestCaseOnErrors="true" keepSession="false" maxResults="0" name="%s" searchProperties="true"%s>'
                '<con:settings/>\n%s\n<con:properties>%s</con:properties></con:testCase>' % (uid(), attr(self.name), timeout, '\n'.join(self.steps), props))


# ------------------------------------------------------------------ bodies

RUN = '${#TestCase#runId}'


def key(system, id_):
    return '<cu:externalKey><c:system>%s</c:system><c:id>%s</c:id></cu:externalKey>' % (system, id_)


def contact(last, first=None, email=None, primary=None, cid=None):
    s = '<cu:contact>'
    if cid:
        s += '<cu:id>%s</cu:id>' % cid
    if first:
        s += '<cu:firstName>%s</cu:firstName>' % first
    s += '<cu:lastName>%s</cu:lastName>' % last
    if email:
        s += '<cu:email>%s</cu:email>' % email
    if primary is not None:
        s += '<cu:primary>%s</cu:primary>' % primary
    return s + '</cu:contact>'


def address(city='Berlin', country='DE', type_='BILLING'):
    return ('<cu:address><cu:type>%s</cu:type><cu:line1>Hauptstrasse 1</cu:line1><cu:city>%s</cu:city><cu:postalCode>10115</cu:postalCode>'
            '<cu:countryCode>%s</cu:countryCode></cu:address>' % (type_, city, country))


def data(name, kind='ORGANIZATION', keys=(), email=None, status=None, segment=None, addresses=(), contacts=()):
    s = '<cu:data>' + ''.join(keys) + '<cu:kind>%s</cu:kind><cu:name>%s</cu:name>' % (kind, name)
    if email:
        s += '<cu:email>%s</cu:email>' % email
    if status:
        s += '<cu:status>%s</cu:status>' % status
    if segment:
        s += '<cu:segment>%s</cu:segment>' % segment
    return s + ''.join(addresses) + ''.join(contacts) + '</cu:data>'


def create(*items, all_or_none=None):
    s = '      <cu:createCustomers>\n'
    for ref, d in items:
        s += '         <cu:customer>%s%s</cu:customer>\n' % ('<cu:clientRef>%s</cu:clientRef>' % ref if ref else '', d)
    if all_or_none is not None:
        s += '         <cu:allOrNone>%s</cu:allOrNone>\n' % all_or_none
    return s + '      </cu:createCustomers>'


def update(*items):
    s = '      <cu:updateCustomers>\n'
    for ref, id_, ver, d in items:
        s += '         <cu:customer><cu:clientRef>%s</cu:clientRef><cu:id>%s</cu:id>%s%s</cu:customer>\n' % (
            ref, id_, '<cu:expectedVersion>%s</cu:expectedVersion>' % ver if ver is not None else '', d)
    return s + '      </cu:updateCustomers>'


def upsert(*items):
    s = '      <cu:upsertCustomers>\n'
    for ref, system, kid, ver, d in items:
        s += '         <cu:customer><cu:clientRef>%s</cu:clientRef><cu:key><c:system>%s</c:system><c:id>%s</c:id></cu:key>%s%s</cu:customer>\n' % (
            ref, system, kid, '<cu:expectedVersion>%s</cu:expectedVersion>' % ver if ver is not None else '', d)
    return s + '      </cu:upsertCustomers>'


def refs(op, *items):
    s = '      <cu:%s>\n' % op
    for ref, id_, ver in items:
        s += '         <cu:customer>%s<cu:id>%s</cu:id>%s</cu:customer>\n' % (
            '<cu:clientRef>%s</cu:clientRef>' % ref if ref else '', id_, '<cu:expectedVersion>%s</cu:expectedVersion>' % ver if ver is not None else '')
    return s + '      </cu:%s>' % op


def get(ids=(), keys=()):
    return '      <cu:getCustomers>%s%s</cu:getCustomers>' % (''.join('<cu:id>%s</cu:id>' % i for i in ids),
                                                           ''.join('<cu:externalKey><c:system>%s</c:system><c:id>%s</c:id></cu:externalKey>' % k for k in keys))


def find(name=None, email=None, include_deleted=None, page_size=None, token=None):
    s = '      <cu:findCustomers>'
    if name:
        s += '<cu:nameContains>%s</cu:nameContains>' % name
    if email:
        s += '<cu:email>%s</cu:email>' % email
    if include_deleted is not None:
        s += '<cu:includeDeleted>%s</cu:includeDeleted>' % include_deleted
    if page_size:
        s += '<cu:pageSize>%s</cu:pageSize>' % page_size
    if token:
        s += '<cu:pageToken>%s</cu:pageToken>' % token
    return s + '</cu:findCustomers>'


def merge(master, dups, ver=None):
    return '      <cu:mergeCustomers><cu:masterId>%s</cu:masterId>%s%s</cu:mergeCustomers>' % (
        master, '<cu:masterExpectedVersion>%s</cu:masterExpectedVersion>' % ver if ver is not None else '',
        ''.join('<cu:duplicateId>%s</cu:duplicateId>' % d for d in dups))


def interaction(ref, customer, subject, type_='CALL', when='2026-01-15T10:00:00Z', contact_id=None, direction=None):
    return ('<cu:interaction>%s<cu:interaction><cu:customerId>%s</cu:customerId>%s<cu:type>%s</cu:type>%s'
            '<cu:subject>%s</cu:subject><cu:occurredAt>%s</cu:occurredAt></cu:interaction></cu:interaction>'
            % ('<cu:clientRef>%s</cu:clientRef>' % ref if ref else '', customer, '<cu:contactId>%s</cu:contactId>' % contact_id if contact_id else '', type_,
               '<cu:direction>%s</cu:direction>' % direction if direction else '', subject, when))


def record(*items, all_or_none=None):
    s = '      <cu:recordInteractions>\n' + ''.join('         %s\n' % i for i in items)
    if all_or_none is not None:
        s += '         <cu:allOrNone>%s</cu:allOrNone>\n' % all_or_none
    return s + '      </cu:recordInteractions>'


def list_interactions(customer, page_size=None, token=None):
    return '      <cu:listInteractions><cu:customerId>%s</cu:customerId>%s%s</cu:listInteractions>' % (
        customer, '<cu:pageSize>%s</cu:pageSize>' % page_size if page_size else '', '<cu:pageToken>%s</cu:pageToken>' % token if token else '')


def r(i, field):
    return '//cu:result[%d]/c:%s' % (i, field)


def rerr(i, field='code'):
    return '//cu:result[%d]/c:error/c:%s' % (i, field)


def tc(p):
    return '${#TestCase#%s}' % p


LIMIT = 201
DELETED_NONE = ('count(//cu:findCustomersResponse/cu:customer)', '0')


# ------------------------------------------------------------------ CustomerService (SOAP 1.1): thorough
def customer_cases(I):
    cases = []

    def new(name):
        c = Case(I, name)
        cases.append(c)
        return c

    def find_count(c, step, name, n, include_deleted=None, wss='clientele'):
        c.req(step, 'findCustomers', find(name=name, include_deleted=include_deleted), ok(I, ('count(//cu:findCustomersResponse/cu:customer)', str(n))), wss=wss)

    # ---- createCustomers
    c = new('createCustomers - happy path: two customers, read back by id and by external key').seed()
    c.req('Create two customers', 'createCustomers', create(
        ('row-1', data('SoapUI %s Org' % RUN, keys=[key('SOAPUI', RUN + '-org')], status='ACTIVE',
                       addresses=[address()], contacts=[contact('Mustermann', 'Erika', primary='true')])),
        ('row-2', data('SoapUI %s Person' % RUN, kind='PERSON'))),
        ok(I, ('count(//cu:result)', '2'), (r(1, 'clientRef'), 'row-1'), (r(1, 'success'), 'true'), (r(1, 'version'), '0'),
           (r(2, 'clientRef'), 'row-2'), (r(2, 'success'), 'true'), (r(2, 'version'), '0'), ('count(//c:error)', '0')))
    c.transfer('Transfer ids', ('orgId', 'Create two customers', r(1, 'id')), ('personId', 'Create two customers', r(2, 'id')))
    c.req('Get both by id', 'getCustomers', get(ids=[tc('orgId'), tc('personId')]), ok(I,
          ('count(//cu:lookup)', '2'), ('//cu:lookup[1]/cu:customer/cu:id', tc('orgId')), ('//cu:lookup[1]/cu:customer/cu:data/cu:name', 'SoapUI %s Org' % RUN),
          ('//cu:lookup[1]/cu:customer/cu:data/cu:status', 'ACTIVE'), ('//cu:lookup[1]/cu:customer/cu:data/cu:address/cu:city', 'Berlin'),
          ('//cu:lookup[1]/cu:customer/cu:data/cu:contact/cu:lastName', 'Mustermann'), ('//cu:lookup[1]/cu:customer/cu:deleted', 'false'),
          ('//cu:lookup[2]/cu:customer/cu:data/cu:kind', 'PERSON'), ('//cu:lookup[2]/cu:customer/cu:data/cu:status', 'PROSPECT')), wss='clientele-readonly')
    c.req('Get by external key', 'getCustomers', get(keys=[('SOAPUI', RUN + '-org')]), ok(I,
          ('//cu:lookup[1]/cu:customer/cu:id', tc('orgId')), ('//cu:lookup[1]/cu:customer/cu:version', '0')))

    c = new('createCustomers - VALIDATION: schema violation (country code) writes nothing').seed()
    c.req('Create with country code Germany', 'createCustomers', create(('row-1', data('SoapUI %s schema' % RUN, addresses=[address(country='Germany')]))),
          crmfault(I, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:retryable', 'false')))
    find_count(c, 'Nothing was created', RUN, 0, include_deleted='true')

    c = new('createCustomers - VALIDATION: external key taken; allOrNone rolls back, otherwise partial').seed()
    c.req('Create key owner', 'createCustomers', create(('owner', data('SoapUI %s owner' % RUN, keys=[key('SOAPUI', RUN)]))), ok(I, (r(1, 'success'), 'true')))
    c.req('allOrNone with a taken key', 'createCustomers', create(('good', data('SoapUI %s good' % RUN)), ('dup', data('SoapUI %s dup' % RUN, keys=[key('SOAPUI', RUN)])), all_or_none='true'),
          ok(I, (r(1, 'success'), 'false'), (rerr(1), 'ROLLED_BACK'), (r(2, 'success'), 'false'), (rerr(2), 'VALIDATION'), (rerr(2, 'field'), 'externalKey')))
    find_count(c, 'Rolled back item was not written', 'SoapUI %s good' % RUN, 0)
    c.req('Partial with a taken key', 'createCustomers', create(('good', data('SoapUI %s good' % RUN)), ('dup', data('SoapUI %s dup' % RUN, keys=[key('SOAPUI', RUN)]))),
          ok(I, (r(1, 'success'), 'true'), (r(2, 'success'), 'false'), (rerr(2), 'VALIDATION')))
    find_count(c, 'Good item was written', 'SoapUI %s good' % RUN, 1)

    c = new('createCustomers - LIMIT_EXCEEDED: 201 items write nothing').seed()
    c.req('Create 201 customers', 'createCustomers', create(*[(None, data('SoapUI %s bulk' % RUN, kind='PERSON'))] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))
    find_count(c, 'Nothing was created', RUN, 0, include_deleted='true')

    c = new('createCustomers - IDEMPOTENCY_CONFLICT: a retry replays, the same key with another request is refused').seed()
    idem = '<c:RequestContext><c:idempotencyKey>soapui-%s</c:idempotencyKey><c:clientSystem>SOAPUI</c:clientSystem></c:RequestContext>' % RUN
    c.req('Create with an idempotency key', 'createCustomers', (idem, create(('row-1', data('SoapUI %s idem' % RUN)))),
          ok(I, (r(1, 'success'), 'true'), ('//c:ResponseContext/c:replayed', 'false')))
    c.transfer('Transfer id', ('idemId', 'Create with an idempotency key', r(1, 'id')))
    c.req('Retry returns the stored response', 'createCustomers', (idem, create(('row-1', data('SoapUI %s idem' % RUN)))),
          ok(I, (r(1, 'id'), tc('idemId')), ('//c:ResponseContext/c:replayed', 'true')))
    c.req('Same key, another request', 'createCustomers', (idem, create(('row-1', data('SoapUI %s other' % RUN)))),
          crmfault(I, 'IDEMPOTENCY_CONFLICT', ('//soap:Fault//c:CrmFault/c:field', 'idempotencyKey')))
    find_count(c, 'One customer, no other', RUN, 1, include_deleted='true')

    c = new('createCustomers - NOT_AUTHORIZED: crm-readonly and crm-agent may not create').seed()
    c.req('Create as crm-readonly', 'createCustomers', create(('r', data('SoapUI %s ro' % RUN))), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    c.req('Create as crm-agent', 'createCustomers', create(('r', data('SoapUI %s agent' % RUN))), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-agent')
    find_count(c, 'Nothing was created', RUN, 0, include_deleted='true')

    # ---- updateCustomers
    c = new('updateCustomers - happy path: full replacement, version grows, contacts matched by id').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s before' % RUN, email='before@example.com', addresses=[address()], contacts=[contact('Alt', primary='true')]))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Get contact id', 'getCustomers', get(ids=[tc('customerId')]), ok(I, ('count(//cu:contact)', '1')))
    c.transfer('Transfer contact id', ('contactId', 'Get contact id', '//cu:contact/cu:id'))
    c.req('Update with expectedVersion 0', 'updateCustomers', update(('u', tc('customerId'), 0, data('SoapUI %s after' % RUN, contacts=[contact('Neu', cid=tc('contactId'), primary='true')]))),
          ok(I, (r(1, 'clientRef'), 'u'), (r(1, 'success'), 'true'), (r(1, 'id'), tc('customerId')), (r(1, 'version'), '1')))
    c.req('Read the replaced data', 'getCustomers', get(ids=[tc('customerId')]), ok(I,
          ('//cu:customer/cu:version', '1'), ('//cu:customer/cu:data/cu:name', 'SoapUI %s after' % RUN), ('count(//cu:customer/cu:data/cu:email)', '0'),
          ('count(//cu:customer/cu:data/cu:address)', '0'), ('//cu:customer/cu:data/cu:contact/cu:id', tc('contactId')),
          ('//cu:customer/cu:data/cu:contact/cu:lastName', 'Neu')))

    c = new('updateCustomers - CONCURRENCY: stale expectedVersion changes nothing').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s v0' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Update from version 0', 'updateCustomers', update(('u', tc('customerId'), 0, data('SoapUI %s v1' % RUN))), ok(I, (r(1, 'version'), '1')))
    c.req('Update again from version 0', 'updateCustomers', update(('u', tc('customerId'), 0, data('SoapUI %s stale' % RUN))),
          ok(I, (r(1, 'success'), 'false'), (rerr(1), 'CONCURRENCY'), (rerr(1, 'field'), 'expectedVersion')))
    c.req('Still version 1', 'getCustomers', get(ids=[tc('customerId')]), ok(I, ('//cu:customer/cu:version', '1'), ('//cu:customer/cu:data/cu:name', 'SoapUI %s v1' % RUN)))

    c = new('updateCustomers - NOT_FOUND: unknown id')
    c.req('Update unknown id', 'updateCustomers', update(('u', MAXID, None, data('SoapUI nobody'))), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'NOT_FOUND')))

    c = new('updateCustomers - INVALID_STATE: customer in the recycle bin').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s binned' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Delete', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), None)), ok(I, (r(1, 'success'), 'true')))
    c.req('Update deleted customer', 'updateCustomers', update(('u', tc('customerId'), None, data('SoapUI %s revived' % RUN))),
          ok(I, (r(1, 'success'), 'false'), (rerr(1), 'INVALID_STATE')))

    c = new('updateCustomers - VALIDATION: contact id of another customer').seed()
    c.req('Create two', 'createCustomers', create(('a', data('SoapUI %s A' % RUN, contacts=[contact('OfA')])), ('b', data('SoapUI %s B' % RUN))), ok(I, (r(1, 'success'), 'true'), (r(2, 'success'), 'true')))
    c.transfer('Transfer ids', ('aId', 'Create two', r(1, 'id')), ('bId', 'Create two', r(2, 'id')))
    c.req('Get A', 'getCustomers', get(ids=[tc('aId')]), ok(I, ('count(//cu:contact)', '1')))
    c.transfer('Transfer contact of A', ('aContactId', 'Get A', '//cu:contact/cu:id'))
    c.req('Update B with A\'s contact', 'updateCustomers', update(('u', tc('bId'), None, data('SoapUI %s B' % RUN, contacts=[contact('Stolen', cid=tc('aContactId'))]))),
          ok(I, (r(1, 'success'), 'false'), (rerr(1), 'VALIDATION'), (rerr(1, 'field'), 'contact.id')))

    c = new('updateCustomers - VALIDATION: schema violation (e-mail pattern)')
    c.req('Update with a bad e-mail', 'updateCustomers', update(('u', MAXID, None, data('SoapUI bad mail', email='not-an-email'))), crmfault(I, 'VALIDATION'))

    c = new('updateCustomers - LIMIT_EXCEEDED: 201 items')
    c.req('Update 201 customers', 'updateCustomers', update(*[('u', MAXID, None, data('SoapUI bulk'))] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))

    c = new('updateCustomers - NOT_AUTHORIZED: crm-readonly may not update')
    c.req('Update as crm-readonly', 'updateCustomers', update(('u', MAXID, None, data('SoapUI ro'))), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    # ---- upsertCustomers
    c = new('upsertCustomers - happy path: creates, then updates by key').seed()
    c.req('Upsert new key', 'upsertCustomers', upsert(('u1', 'SOAPUI', RUN, None, data('SoapUI %s upsert 1' % RUN))),
          ok(I, (r(1, 'success'), 'true'), (r(1, 'created'), 'true'), (r(1, 'version'), '0')))
    c.transfer('Transfer id', ('customerId', 'Upsert new key', r(1, 'id')))
    c.req('Upsert same key', 'upsertCustomers', upsert(('u2', 'SOAPUI', RUN, 0, data('SoapUI %s upsert 2' % RUN, status='ACTIVE'))),
          ok(I, (r(1, 'success'), 'true'), (r(1, 'created'), 'false'), (r(1, 'id'), tc('customerId')), (r(1, 'version'), '1')))
    c.req('Get by key', 'getCustomers', get(keys=[('SOAPUI', RUN)]), ok(I,
          ('//cu:customer/cu:id', tc('customerId')), ('//cu:customer/cu:data/cu:name', 'SoapUI %s upsert 2' % RUN),
          ('//cu:customer/cu:data/cu:externalKey/c:id', RUN), ('//cu:customer/cu:data/cu:status', 'ACTIVE')))

    c = new('upsertCustomers - CONCURRENCY: stale expectedVersion').seed()
    c.req('Upsert new key', 'upsertCustomers', upsert(('u1', 'SOAPUI', RUN, None, data('SoapUI %s' % RUN))), ok(I, (r(1, 'created'), 'true')))
    c.req('Upsert with expectedVersion 5', 'upsertCustomers', upsert(('u2', 'SOAPUI', RUN, 5, data('SoapUI %s stale' % RUN))),
          ok(I, (r(1, 'success'), 'false'), (rerr(1), 'CONCURRENCY')))

    c = new('upsertCustomers - INVALID_STATE: customer in the recycle bin').seed()
    c.req('Upsert new key', 'upsertCustomers', upsert(('u1', 'SOAPUI', RUN, None, data('SoapUI %s' % RUN))), ok(I, (r(1, 'created'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Upsert new key', r(1, 'id')))
    c.req('Delete', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), None)), ok(I, (r(1, 'success'), 'true')))
    c.req('Upsert deleted customer', 'upsertCustomers', upsert(('u2', 'SOAPUI', RUN, None, data('SoapUI %s again' % RUN))),
          ok(I, (r(1, 'success'), 'false'), (rerr(1), 'INVALID_STATE')))

    c = new('upsertCustomers - VALIDATION: schema violation (external system pattern)')
    c.req('Upsert with a bad system', 'upsertCustomers', upsert(('u', 'not a system!', 'x', None, data('SoapUI bad system'))), crmfault(I, 'VALIDATION'))

    c = new('upsertCustomers - LIMIT_EXCEEDED: 201 items')
    c.req('Upsert 201 customers', 'upsertCustomers', upsert(*[('u', 'SOAPUI', 'limit', None, data('SoapUI bulk'))] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))

    c = new('upsertCustomers - NOT_AUTHORIZED: crm-agent may not upsert')
    c.req('Upsert as crm-agent', 'upsertCustomers', upsert(('u', 'SOAPUI', 'agent', None, data('SoapUI agent'))), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-agent')

    # ---- getCustomers
    c = new('getCustomers - happy path: one lookup per id then per key, NOT_FOUND in the lookup').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s get' % RUN, keys=[key('SOAPUI', RUN)]))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Get ids and keys as crm-readonly', 'getCustomers', get(ids=[MAXID, tc('customerId')], keys=[('SOAPUI', RUN), ('SOAPUI', RUN + '-missing')]), ok(I,
          ('count(//cu:lookup)', '4'), ('//cu:lookup[1]/cu:id', MAXID), ('//cu:lookup[1]/cu:error/c:code', 'NOT_FOUND'), ('count(//cu:lookup[1]/cu:customer)', '0'),
          ('//cu:lookup[2]/cu:customer/cu:id', tc('customerId')), ('//cu:lookup[3]/cu:externalKey/c:id', RUN),
          ('//cu:lookup[3]/cu:customer/cu:id', tc('customerId')), ('//cu:lookup[4]/cu:error/c:code', 'NOT_FOUND')), wss='clientele-readonly')

    c = new('getCustomers - VALIDATION: neither id nor key')
    c.req('Get nothing', 'getCustomers', get(), crmfault(I, 'VALIDATION'), wss='clientele-readonly')

    c = new('getCustomers - LIMIT_EXCEEDED: 201 ids')
    c.req('Get 201 ids', 'getCustomers', get(ids=[MAXID] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'), wss='clientele-readonly')

    # ---- findCustomers
    c = new('findCustomers - happy path: case-insensitive filters, pages in id order').seed()
    c.req('Create three', 'createCustomers', create(('1', data('SoapUI %s find 1' % RUN)), ('2', data('SoapUI %s find 2' % RUN, email='find.%s@example.com' % RUN)),
                                                 ('3', data('SoapUI %s find 3' % RUN))), ok(I, ('count(//cu:result[c:success=\'true\'])', '3')))
    c.req('First page of two', 'findCustomers', find(name='SOAPUI %s FIND' % RUN, page_size=2), ok(I,
          ('count(//cu:findCustomersResponse/cu:customer)', '2'), ('//cu:customer[1]/cu:data/cu:name', 'SoapUI %s find 1' % RUN),
          ('//cu:customer[2]/cu:data/cu:name', 'SoapUI %s find 2' % RUN), ('count(//cu:nextPageToken)', '1')), wss='clientele-readonly')
    c.transfer('Transfer page token', ('pageToken', 'First page of two', '//cu:nextPageToken'))
    c.req('Second page', 'findCustomers', find(name='SOAPUI %s FIND' % RUN, page_size=2, token=tc('pageToken')), ok(I,
          ('count(//cu:findCustomersResponse/cu:customer)', '1'), ('//cu:customer[1]/cu:data/cu:name', 'SoapUI %s find 3' % RUN),
          ('count(//cu:nextPageToken)', '0')), wss='clientele-readonly')
    c.req('By e-mail, other case', 'findCustomers', find(email='FIND.%s@EXAMPLE.COM' % RUN), ok(I,
          ('count(//cu:findCustomersResponse/cu:customer)', '1'), ('//cu:customer/cu:data/cu:name', 'SoapUI %s find 2' % RUN)), wss='clientele-readonly')

    c = new('findCustomers - VALIDATION: tampered page token')
    c.req('Find with a forged token', 'findCustomers', find(name='SoapUI', token='forged-page-token'), crmfault(I, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'pageToken')), wss='clientele-readonly')

    c = new('findCustomers - VALIDATION: page token reused with other filters').seed()
    c.req('Create two', 'createCustomers', create(('1', data('SoapUI %s token 1' % RUN)), ('2', data('SoapUI %s token 2' % RUN))), ok(I, ('count(//cu:result[c:success=\'true\'])', '2')))
    c.req('First page of one', 'findCustomers', find(name='SoapUI %s token' % RUN, page_size=1), ok(I, ('count(//cu:nextPageToken)', '1')))
    c.transfer('Transfer page token', ('pageToken', 'First page of one', '//cu:nextPageToken'))
    c.req('Token with another filter', 'findCustomers', find(name='SoapUI %s other' % RUN, page_size=1, token=tc('pageToken')), crmfault(I, 'VALIDATION'))

    # ---- deleteCustomers
    c = new('deleteCustomers - happy path: recycle bin, hidden from find, idempotent').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s delete' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Delete with expectedVersion 0', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), 0)), ok(I, (r(1, 'clientRef'), 'd'), (r(1, 'success'), 'true'), (r(1, 'id'), tc('customerId'))))
    c.req('Get shows deleted', 'getCustomers', get(ids=[tc('customerId')]), ok(I, ('//cu:customer/cu:deleted', 'true')))
    find_count(c, 'Find hides it', RUN, 0)
    find_count(c, 'Find with includeDeleted shows it', RUN, 1, include_deleted='true')
    c.req('Delete again', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), None)), ok(I, (r(1, 'success'), 'true')))

    c = new('deleteCustomers - CONCURRENCY: stale expectedVersion').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Delete with expectedVersion 3', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), 3)), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'CONCURRENCY')))
    c.req('Not deleted', 'getCustomers', get(ids=[tc('customerId')]), ok(I, ('//cu:customer/cu:deleted', 'false')))

    c = new('deleteCustomers - NOT_FOUND: unknown id')
    c.req('Delete unknown id', 'deleteCustomers', refs('deleteCustomers', ('d', MAXID, None)), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'NOT_FOUND')))

    def merged_pair(c):
        c.req('Create master and duplicate', 'createCustomers', create(('m', data('SoapUI %s master' % RUN)), ('d', data('SoapUI %s duplicate' % RUN))),
              ok(I, ('count(//cu:result[c:success=\'true\'])', '2')))
        c.transfer('Transfer ids', ('masterId', 'Create master and duplicate', r(1, 'id')), ('duplicateId', 'Create master and duplicate', r(2, 'id')))
        c.req('Merge', 'mergeCustomers', merge(tc('masterId'), [tc('duplicateId')]), ok(I, ('//cu:master/cu:id', tc('masterId'))))

    c = new('deleteCustomers - INVALID_STATE: merged duplicate').seed()
    merged_pair(c)
    c.req('Delete merged duplicate', 'deleteCustomers', refs('deleteCustomers', ('d', tc('duplicateId'), None)), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'INVALID_STATE')))

    c = new('deleteCustomers - LIMIT_EXCEEDED: 201 items')
    c.req('Delete 201', 'deleteCustomers', refs('deleteCustomers', *[(None, MAXID, None)] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))

    c = new('deleteCustomers - NOT_AUTHORIZED: crm-readonly may not delete')
    c.req('Delete as crm-readonly', 'deleteCustomers', refs('deleteCustomers', ('d', MAXID, None)), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    # ---- undeleteCustomers
    c = new('undeleteCustomers - happy path: restored and found again').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s undelete' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Delete', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), None)), ok(I, (r(1, 'success'), 'true')))
    c.req('Undelete', 'undeleteCustomers', refs('undeleteCustomers', ('u', tc('customerId'), None)), ok(I, (r(1, 'clientRef'), 'u'), (r(1, 'success'), 'true')))
    c.req('Get shows restored', 'getCustomers', get(ids=[tc('customerId')]), ok(I, ('//cu:customer/cu:deleted', 'false')))
    find_count(c, 'Find shows it again', RUN, 1)

    c = new('undeleteCustomers - INVALID_STATE: merged duplicate cannot be restored').seed()
    merged_pair(c)
    c.req('Undelete merged duplicate', 'undeleteCustomers', refs('undeleteCustomers', ('u', tc('duplicateId'), None)), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'INVALID_STATE')))

    c = new('undeleteCustomers - CONCURRENCY: stale expectedVersion').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Undelete with expectedVersion 9', 'undeleteCustomers', refs('undeleteCustomers', ('u', tc('customerId'), 9)), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'CONCURRENCY')))

    c = new('undeleteCustomers - NOT_FOUND: unknown id')
    c.req('Undelete unknown id', 'undeleteCustomers', refs('undeleteCustomers', ('u', MAXID, None)), ok(I, (r(1, 'success'), 'false'), (rerr(1), 'NOT_FOUND')))

    c = new('undeleteCustomers - LIMIT_EXCEEDED: 201 items')
    c.req('Undelete 201', 'undeleteCustomers', refs('undeleteCustomers', *[(None, MAXID, None)] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))

    c = new('undeleteCustomers - NOT_AUTHORIZED: crm-agent may not undelete')
    c.req('Undelete as crm-agent', 'undeleteCustomers', refs('undeleteCustomers', ('u', MAXID, None)), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-agent')

    # ---- mergeCustomers
    c = new('mergeCustomers - happy path: contacts, addresses, keys and interactions move to the master').seed()
    c.req('Create master and duplicate', 'createCustomers', create(
        ('m', data('SoapUI %s master' % RUN, keys=[key('SOAPUI', RUN + '-m')], contacts=[contact('Master', primary='true')])),
        ('d', data('SoapUI %s duplicate' % RUN, keys=[key('SOAPUI', RUN + '-d')], addresses=[address()], contacts=[contact('Dup', primary='true')]))),
        ok(I, ('count(//cu:result[c:success=\'true\'])', '2')))
    c.transfer('Transfer ids', ('masterId', 'Create master and duplicate', r(1, 'id')), ('duplicateId', 'Create master and duplicate', r(2, 'id')))
    c.req('Record on the duplicate', 'recordInteractions', record(interaction('i', tc('duplicateId'), 'Call before merge')), ok(I, (r(1, 'success'), 'true')))
    c.req('Merge with masterExpectedVersion 0', 'mergeCustomers', merge(tc('masterId'), [tc('duplicateId')], 0), ok(I,
          ('//cu:master/cu:id', tc('masterId')), ('count(//cu:master/cu:data/cu:contact)', '2'),
          ('count(//cu:master/cu:data/cu:contact[cu:primary=\'true\'])', '1'), ('count(//cu:master/cu:data/cu:externalKey)', '2'),
          ('count(//cu:master/cu:data/cu:address)', '1'), ('//cu:master/cu:deleted', 'false')))
    c.req('Duplicate is tombstoned', 'getCustomers', get(ids=[tc('duplicateId')]), ok(I,
          ('//cu:customer/cu:deleted', 'true'), ('//cu:customer/cu:mergedInto', tc('masterId'))))
    c.req('Interaction moved to master', 'listInteractions', list_interactions(tc('masterId')), ok(I,
          ('count(//cu:listInteractionsResponse/cu:interaction)', '1'), ('//cu:interaction/cu:subject', 'Call before merge')))

    c = new('mergeCustomers - VALIDATION: self-merge').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s self' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Merge into itself', 'mergeCustomers', merge(tc('customerId'), [tc('customerId')]), crmfault(I, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'duplicateId')))

    c = new('mergeCustomers - VALIDATION: three duplicates')
    c.req('Merge three', 'mergeCustomers', merge(MAXID, ['9223372036854775801', '9223372036854775802', '9223372036854775803']), crmfault(I, 'VALIDATION'))

    c = new('mergeCustomers - VALIDATION: duplicate already merged').seed()
    merged_pair(c)
    c.req('Create another master', 'createCustomers', create(('o', data('SoapUI %s other' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer other id', ('otherId', 'Create another master', r(1, 'id')))
    c.req('Merge the merged duplicate again', 'mergeCustomers', merge(tc('otherId'), [tc('duplicateId')]), crmfault(I, 'VALIDATION'))

    c = new('mergeCustomers - NOT_FOUND: unknown duplicate').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Merge unknown duplicate', 'mergeCustomers', merge(tc('customerId'), [MAXID]), crmfault(I, 'NOT_FOUND'))

    c = new('mergeCustomers - CONCURRENCY: stale masterExpectedVersion').seed()
    c.req('Create two', 'createCustomers', create(('m', data('SoapUI %s m' % RUN)), ('d', data('SoapUI %s d' % RUN))), ok(I, ('count(//cu:result[c:success=\'true\'])', '2')))
    c.transfer('Transfer ids', ('masterId', 'Create two', r(1, 'id')), ('duplicateId', 'Create two', r(2, 'id')))
    c.req('Merge with masterExpectedVersion 7', 'mergeCustomers', merge(tc('masterId'), [tc('duplicateId')], 7), crmfault(I, 'CONCURRENCY'))
    c.req('Duplicate untouched', 'getCustomers', get(ids=[tc('duplicateId')]), ok(I, ('//cu:customer/cu:deleted', 'false')))

    c = new('mergeCustomers - NOT_AUTHORIZED: crm-agent may not merge')
    c.req('Merge as crm-agent', 'mergeCustomers', merge(MAXID, ['9223372036854775801']), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-agent')

    # ---- recordInteractions
    c = new('recordInteractions - happy path as crm-agent: listed newest first').seed()
    c.req('Create with contact', 'createCustomers', create(('c', data('SoapUI %s interactions' % RUN, contacts=[contact('Caller')]))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create with contact', r(1, 'id')))
    c.req('Get contact id', 'getCustomers', get(ids=[tc('customerId')]), ok(I, ('count(//cu:contact)', '1')))
    c.transfer('Transfer contact id', ('contactId', 'Get contact id', '//cu:contact/cu:id'))
    c.req('Record call and note', 'recordInteractions', record(
        interaction('call', tc('customerId'), 'Older call', 'CALL', '2026-01-01T09:00:00Z', tc('contactId'), 'INBOUND'),
        interaction('note', tc('customerId'), 'Newer note', 'NOTE', '2026-02-01T09:00:00Z')),
        ok(I, (r(1, 'clientRef'), 'call'), (r(1, 'success'), 'true'), (r(2, 'clientRef'), 'note'), (r(2, 'success'), 'true')), wss='clientele-agent')
    c.req('List as crm-agent', 'listInteractions', list_interactions(tc('customerId')), ok(I,
          ('count(//cu:listInteractionsResponse/cu:interaction)', '2'), ('//cu:interaction[1]/cu:subject', 'Newer note'),
          ('//cu:interaction[2]/cu:subject', 'Older call'), ('//cu:interaction[2]/cu:contactId', tc('contactId')),
          ('//cu:interaction[2]/cu:recordedBy', '${#Project#agentUsername}')), wss='clientele-agent')

    c = new('recordInteractions - item errors: NOT_FOUND, INVALID_STATE, VALIDATION beside a good item').seed()
    c.req('Create three', 'createCustomers', create(('a', data('SoapUI %s A' % RUN, contacts=[contact('OfA')])), ('b', data('SoapUI %s B' % RUN)), ('gone', data('SoapUI %s gone' % RUN))),
          ok(I, ('count(//cu:result[c:success=\'true\'])', '3')))
    c.transfer('Transfer ids', ('aId', 'Create three', r(1, 'id')), ('bId', 'Create three', r(2, 'id')), ('goneId', 'Create three', r(3, 'id')))
    c.req('Get A', 'getCustomers', get(ids=[tc('aId')]), ok(I, ('count(//cu:contact)', '1')))
    c.transfer('Transfer contact of A', ('aContactId', 'Get A', '//cu:contact/cu:id'))
    c.req('Delete gone', 'deleteCustomers', refs('deleteCustomers', ('d', tc('goneId'), None)), ok(I, (r(1, 'success'), 'true')))
    c.req('Record four', 'recordInteractions', record(
        interaction('unknown', MAXID, 'Nobody'), interaction('deleted', tc('goneId'), 'Gone'),
        interaction('foreign', tc('bId'), 'Foreign contact', contact_id=tc('aContactId')), interaction('good', tc('aId'), 'Fine')), ok(I,
        (rerr(1), 'NOT_FOUND'), (rerr(2), 'INVALID_STATE'), (rerr(3), 'VALIDATION'), (r(4, 'success'), 'true'), (r(4, 'clientRef'), 'good')))

    c = new('recordInteractions - VALIDATION: schema violation (interaction type)')
    c.req('Record a FAX', 'recordInteractions', record(interaction('fax', MAXID, 'Fax', 'FAX')), crmfault(I, 'VALIDATION'))

    c = new('recordInteractions - LIMIT_EXCEEDED: 201 items')
    c.req('Record 201', 'recordInteractions', record(*[interaction(None, MAXID, 'Bulk')] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))

    c = new('recordInteractions - NOT_AUTHORIZED: crm-readonly may not record')
    c.req('Record as crm-readonly', 'recordInteractions', record(interaction('i', MAXID, 'No')), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    # ---- listInteractions
    c = new('listInteractions - happy path: paged with a token').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s list' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('Record three', 'recordInteractions', record(
        interaction('1', tc('customerId'), 'First', when='2026-01-01T10:00:00Z'), interaction('2', tc('customerId'), 'Second', when='2026-01-02T10:00:00Z'),
        interaction('3', tc('customerId'), 'Third', when='2026-01-03T10:00:00Z')), ok(I, ('count(//cu:result[c:success=\'true\'])', '3')))
    c.req('First page of two', 'listInteractions', list_interactions(tc('customerId'), 2), ok(I,
          ('count(//cu:listInteractionsResponse/cu:interaction)', '2'), ('//cu:interaction[1]/cu:subject', 'Third'),
          ('//cu:interaction[2]/cu:subject', 'Second'), ('count(//cu:nextPageToken)', '1')), wss='clientele-readonly')
    c.transfer('Transfer page token', ('pageToken', 'First page of two', '//cu:nextPageToken'))
    c.req('Second page', 'listInteractions', list_interactions(tc('customerId'), 2, tc('pageToken')), ok(I,
          ('count(//cu:listInteractionsResponse/cu:interaction)', '1'), ('//cu:interaction[1]/cu:subject', 'First'), ('count(//cu:nextPageToken)', '0')), wss='clientele-readonly')

    c = new('listInteractions - NOT_FOUND: unknown customer')
    c.req('List unknown customer', 'listInteractions', list_interactions(MAXID), crmfault(I, 'NOT_FOUND'), wss='clientele-readonly')

    c = new('listInteractions - VALIDATION: tampered page token').seed()
    c.req('Create', 'createCustomers', create(('c', data('SoapUI %s' % RUN))), ok(I, (r(1, 'success'), 'true')))
    c.transfer('Transfer id', ('customerId', 'Create', r(1, 'id')))
    c.req('List with a forged token', 'listInteractions', list_interactions(tc('customerId'), None, 'forged-page-token'), crmfault(I, 'VALIDATION'))

    # ---- security
    c = new('Security - no Security header is refused and writes nothing').seed()
    c.req('Create without WS-Security', 'createCustomers', create(('c', data('SoapUI %s unsecured' % RUN))), secfault(I), wss='')
    find_count(c, 'Nothing was created', RUN, 0, include_deleted='true')

    c = new('Security - wrong password is refused and writes nothing').seed()
    c.req('Create with a wrong password', 'createCustomers', create(('c', data('SoapUI %s wrong' % RUN))), secfault(I), wss='wrong-password')
    find_count(c, 'Nothing was created', RUN, 0, include_deleted='true')

    c = new('Security - unknown user is refused')
    c.req('Get as an unknown user', 'getCustomers', get(ids=[MAXID]), secfault(I), wss='unknown-user')

    c = new('Security - UsernameToken without Timestamp is refused')
    c.req('Get without Timestamp', 'getCustomers', get(ids=[MAXID]), secfault(I), wss='no-timestamp')
    return cases


# ------------------------------------------------------------------ CustomerService12 (SOAP 1.2): every operation, one fault each
def customer12_cases(I=I12):
    """The SOAP 1.2 cases; with an X.509 interface, the same calls signed and encrypted (see x509())."""
    cases = []

    def new(name):
        c = Case(I, name)
        cases.append(c)
        return c

    c = new('SOAP 1.2 - every operation in one customer lifecycle').seed()
    c.req('createCustomers', 'createCustomers', create(
        ('m', data('SoapUI12 %s master' % RUN, contacts=[contact('Master', primary='true')])),
        ('d', data('SoapUI12 %s duplicate' % RUN, contacts=[contact('Dup', primary='true')])),
        ('x', data('SoapUI12 %s extra' % RUN, keys=[key('SOAPUI12', RUN)]))),
        ok(I, ('count(//cu:result[c:success=\'true\'])', '3'), (r(1, 'version'), '0')))
    c.transfer('Transfer ids', ('masterId', 'createCustomers', r(1, 'id')), ('duplicateId', 'createCustomers', r(2, 'id')), ('extraId', 'createCustomers', r(3, 'id')))
    c.req('upsertCustomers', 'upsertCustomers', upsert(('u', 'SOAPUI12', RUN, 0, data('SoapUI12 %s extra upserted' % RUN))),
          ok(I, (r(1, 'created'), 'false'), (r(1, 'id'), tc('extraId')), (r(1, 'version'), '1')))
    c.req('updateCustomers', 'updateCustomers', update(('u', tc('masterId'), 0, data('SoapUI12 %s master updated' % RUN, status='ACTIVE', contacts=[contact('Master', primary='true')]))),
          ok(I, (r(1, 'success'), 'true'), (r(1, 'version'), '1')))
    c.req('getCustomers', 'getCustomers', get(ids=[tc('masterId')], keys=[('SOAPUI12', RUN)]), ok(I,
          ('//cu:lookup[1]/cu:customer/cu:data/cu:name', 'SoapUI12 %s master updated' % RUN), ('//cu:lookup[2]/cu:customer/cu:id', tc('extraId'))), wss='clientele-readonly')
    c.req('findCustomers', 'findCustomers', find(name='SoapUI12 %s' % RUN), ok(I, ('count(//cu:findCustomersResponse/cu:customer)', '3')), wss='clientele-readonly')
    c.req('recordInteractions', 'recordInteractions', record(interaction('i', tc('duplicateId'), 'SOAP 1.2 call')), ok(I, (r(1, 'success'), 'true')), wss='clientele-agent')
    c.req('mergeCustomers', 'mergeCustomers', merge(tc('masterId'), [tc('duplicateId')], 1), ok(I,
          ('//cu:master/cu:id', tc('masterId')), ('count(//cu:master/cu:data/cu:contact)', '2'), ('count(//cu:master/cu:data/cu:contact[cu:primary=\'true\'])', '1')))
    c.req('listInteractions', 'listInteractions', list_interactions(tc('masterId')), ok(I, ('//cu:interaction[1]/cu:subject', 'SOAP 1.2 call')), wss='clientele-readonly')
    c.req('deleteCustomers', 'deleteCustomers', refs('deleteCustomers', ('d', tc('extraId'), 1)), ok(I, (r(1, 'success'), 'true')))
    c.req('undeleteCustomers', 'undeleteCustomers', refs('undeleteCustomers', ('u', tc('extraId'), None)), ok(I, (r(1, 'success'), 'true')))
    c.req('Restored', 'getCustomers', get(ids=[tc('extraId'), tc('duplicateId')]), ok(I,
          ('//cu:lookup[1]/cu:customer/cu:deleted', 'false'), ('//cu:lookup[2]/cu:customer/cu:mergedInto', tc('masterId'))))

    new('createCustomers - NOT_AUTHORIZED over SOAP 1.2').req('Create as crm-readonly', 'createCustomers', create(('r', data('SoapUI12 ro'))), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('updateCustomers - VALIDATION over SOAP 1.2 (schema)').req('Update with a bad country', 'updateCustomers', update(('u', MAXID, None, data('SoapUI12', addresses=[address(country='de')]))), crmfault(I, 'VALIDATION'))
    new('upsertCustomers - NOT_AUTHORIZED over SOAP 1.2').req('Upsert as crm-agent', 'upsertCustomers', upsert(('u', 'SOAPUI12', 'agent', None, data('SoapUI12 agent'))), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-agent')
    new('getCustomers - VALIDATION over SOAP 1.2 (nothing requested)').req('Get nothing', 'getCustomers', get(), crmfault(I, 'VALIDATION'), wss='clientele-readonly')
    new('findCustomers - VALIDATION over SOAP 1.2 (tampered token)').req('Find with a forged token', 'findCustomers', find(name='SoapUI12', token='forged-page-token'), crmfault(I, 'VALIDATION'), wss='clientele-readonly')
    new('deleteCustomers - NOT_AUTHORIZED over SOAP 1.2').req('Delete as crm-readonly', 'deleteCustomers', refs('deleteCustomers', ('d', MAXID, None)), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('undeleteCustomers - LIMIT_EXCEEDED over SOAP 1.2').req('Undelete 201', 'undeleteCustomers', refs('undeleteCustomers', *[(None, MAXID, None)] * LIMIT), crmfault(I, 'LIMIT_EXCEEDED'))
    new('mergeCustomers - NOT_FOUND over SOAP 1.2').req('Merge unknown customers', 'mergeCustomers', merge(MAXID, ['9223372036854775801']), crmfault(I, 'NOT_FOUND'))
    new('recordInteractions - NOT_AUTHORIZED over SOAP 1.2').req('Record as crm-readonly', 'recordInteractions', record(interaction('i', MAXID, 'No')), crmfault(I, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('listInteractions - NOT_FOUND over SOAP 1.2').req('List unknown customer', 'listInteractions', list_interactions(MAXID), crmfault(I, 'NOT_FOUND'), wss='clientele-readonly')
    if I in X509:
        return x509(cases)
    new('Security - no Security header is refused over SOAP 1.2').req('Get without WS-Security', 'getCustomers', get(ids=[MAXID]), secfault(I), wss='')
    new('Security - wrong password is refused over SOAP 1.2').req('Get with a wrong password', 'getCustomers', get(ids=[MAXID]), secfault(I), wss='wrong-password')
    return cases


# ------------------------------------------------------------------ CaseService (SOAP 1.1 and 1.2)
HELLO_SHA = '185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969'  # SHA-256 of "Hello"


def case_data(customer, subject, priority='MEDIUM', channel='PHONE', category='Billing', contact=None):
    return ('<cs:data><cs:customerId>%s</cs:customerId>%s<cs:subject>%s</cs:subject><cs:priority>%s</cs:priority>'
            '<cs:channel>%s</cs:channel><cs:category>%s</cs:category></cs:data>'
            % (customer, '<cs:contactId>%s</cs:contactId>' % contact if contact else '', subject, priority, channel, category))


def open_cases(*items, all_or_none=None):
    s = '      <cs:openCases>\n' + ''.join('         <cs:supportCase><cs:clientRef>%s</cs:clientRef>%s</cs:supportCase>\n' % (ref, d) for ref, d in items)
    if all_or_none is not None:
        s += '         <cs:allOrNone>%s</cs:allOrNone>\n' % all_or_none
    return s + '      </cs:openCases>'


def get_cases(ids=(), numbers=()):
    return '      <cs:getCases>%s%s</cs:getCases>' % (''.join('<cs:id>%s</cs:id>' % i for i in ids), ''.join('<cs:number>%s</cs:number>' % n for n in numbers))


def find_cases(customer=None, statuses=(), category=None, assignee=None, overdue=None, page_size=None, token=None):
    s = '      <cs:findCases>'
    if customer:
        s += '<cs:customerId>%s</cs:customerId>' % customer
    s += ''.join('<cs:status>%s</cs:status>' % st for st in statuses)
    if assignee:
        s += '<cs:assignee><cs:kind>%s</cs:kind><cs:name>%s</cs:name></cs:assignee>' % assignee
    if category:
        s += '<cs:category>%s</cs:category>' % category
    if overdue is not None:
        s += '<cs:overdue>%s</cs:overdue>' % overdue
    if page_size:
        s += '<cs:pageSize>%s</cs:pageSize>' % page_size
    if token:
        s += '<cs:pageToken>%s</cs:pageToken>' % token
    return s + '</cs:findCases>'


def update_cases(*items):
    s = '      <cs:updateCases>\n'
    for ref, id_, ver, fields in items:
        s += '         <cs:supportCase><cs:clientRef>%s</cs:clientRef><cs:id>%s</cs:id>%s%s</cs:supportCase>\n' % (
            ref, id_, '<cs:expectedVersion>%s</cs:expectedVersion>' % ver if ver is not None else '',
            ''.join('<cs:%s>%s</cs:%s>' % (k, v, k) for k, v in fields))
    return s + '      </cs:updateCases>'


def change_status(case, status, ver=None, note=None):
    return '      <cs:changeCaseStatus><cs:caseId>%s</cs:caseId>%s<cs:status>%s</cs:status>%s</cs:changeCaseStatus>' % (
        case, '<cs:expectedVersion>%s</cs:expectedVersion>' % ver if ver is not None else '', status,
        '<cs:resolutionNote>%s</cs:resolutionNote>' % note if note else '')


def assign_case(case, kind, name, ver=None):
    return '      <cs:assignCase><cs:caseId>%s</cs:caseId>%s<cs:assignee><cs:kind>%s</cs:kind><cs:name>%s</cs:name></cs:assignee></cs:assignCase>' % (
        case, '<cs:expectedVersion>%s</cs:expectedVersion>' % ver if ver is not None else '', kind, name)


def add_comment(case, visibility, body):
    return '      <cs:addCaseComment><cs:caseId>%s</cs:caseId><cs:visibility>%s</cs:visibility><cs:body>%s</cs:body></cs:addCaseComment>' % (case, visibility, body)


def list_comments(case, page_size=None, token=None):
    return '      <cs:listCaseComments><cs:caseId>%s</cs:caseId>%s%s</cs:listCaseComments>' % (
        case, '<cs:pageSize>%s</cs:pageSize>' % page_size if page_size else '', '<cs:pageToken>%s</cs:pageToken>' % token if token else '')


def add_attachment(case, name='hello.txt', content='SGVsbG8=', media='text/plain'):
    # small content inline as base64 (SoapUI's default, no MTOM); Clientele then answers without MTOM as well
    return ('      <cs:addCaseAttachment><cs:caseId>%s</cs:caseId><cs:fileName>%s</cs:fileName><cs:mediaType>%s</cs:mediaType>'
            '<cs:content>%s</cs:content></cs:addCaseAttachment>' % (case, name, media, content))


def get_attachment(id_):
    return '      <cs:getCaseAttachment><cs:attachmentId>%s</cs:attachmentId></cs:getCaseAttachment>' % id_


def kr(i, field):
    return '//cs:result[%d]/c:%s' % (i, field)


def krerr(i, field='code'):
    return '//cs:result[%d]/c:error/c:%s' % (i, field)


def case_cases(K):
    cases = []

    def new(name):
        c = Case(K, name)
        cases.append(c)
        return c

    def with_customer(c, name='SoapUI %s case customer' % RUN):
        c.req('Create the customer', 'createCustomers', create(('c', data(name))), ok(I11, (r(1, 'success'), 'true')), iface=I11)
        c.transfer('Transfer customer id', ('customerId', 'Create the customer', r(1, 'id')))
        return c

    def with_case(c, priority='MEDIUM'):
        with_customer(c)
        c.req('Open a case', 'openCases', open_cases(('k', case_data(tc('customerId'), 'SoapUI %s case' % RUN, priority))),
              ok(K, (kr(1, 'success'), 'true')), wss='clientele-agent')
        c.transfer('Transfer case id', ('caseId', 'Open a case', kr(1, 'id')))
        return c

    # ---- openCases / getCases
    c = with_customer(new('openCases - happy path: two cases with numbers and due times, read back by id and number').seed())
    c.req('Open two cases', 'openCases', open_cases(('row-1', case_data(tc('customerId'), 'SoapUI %s printer' % RUN, 'URGENT', 'EMAIL', 'Hardware')),
                                                    ('row-2', case_data(tc('customerId'), 'SoapUI %s invoice' % RUN))),
          ok(K, ('count(//cs:result)', '2'), (kr(1, 'clientRef'), 'row-1'), (kr(1, 'success'), 'true'), (kr(1, 'version'), '0'),
             ("starts-with(//cs:result[1]/cs:number, 'CS-')", 'true'), ('count(//cs:result[1]/cs:firstResponseDueAt)', '1'),
             ('count(//cs:result[1]/cs:resolutionDueAt)', '1'), (kr(2, 'clientRef'), 'row-2'), (kr(2, 'success'), 'true'), ('count(//c:error)', '0')),
          wss='clientele-agent')
    c.transfer('Transfer ids', ('caseId', 'Open two cases', kr(1, 'id')), ('caseNumber', 'Open two cases', '//cs:result[1]/cs:number'))
    c.req('Get by id and number as crm-readonly', 'getCases', get_cases(ids=[tc('caseId')], numbers=[tc('caseNumber')]), ok(K,
          ('count(//cs:lookup)', '2'), ('//cs:lookup[1]/cs:supportCase/cs:number', tc('caseNumber')), ('//cs:lookup[2]/cs:supportCase/cs:id', tc('caseId')),
          ('//cs:lookup[1]/cs:supportCase/cs:status', 'NEW'), ('//cs:lookup[1]/cs:supportCase/cs:data/cs:subject', 'SoapUI %s printer' % RUN),
          ('//cs:lookup[1]/cs:supportCase/cs:data/cs:priority', 'URGENT'), ('//cs:lookup[1]/cs:supportCase/cs:data/cs:customerId', tc('customerId')),
          ('//cs:lookup[1]/cs:supportCase/cs:sla/cs:clockRunning', 'true'), ('//cs:lookup[1]/cs:supportCase/cs:sla/cs:overdue', 'false'),
          ('//cs:lookup[1]/cs:supportCase/cs:openedBy', '${#Project#agentUsername}')), wss='clientele-readonly')

    c = with_customer(new('openCases - NOT_FOUND and INVALID_STATE items: unknown and deleted customers').seed())
    c.req('Delete the customer', 'deleteCustomers', refs('deleteCustomers', ('d', tc('customerId'), None)), ok(I11, (r(1, 'success'), 'true')), iface=I11)
    c.req('Open for unknown and deleted customers', 'openCases', open_cases(('unknown', case_data(MAXID, 'SoapUI %s nobody' % RUN)),
                                                                            ('deleted', case_data(tc('customerId'), 'SoapUI %s deleted' % RUN))),
          ok(K, (kr(1, 'success'), 'false'), (krerr(1), 'NOT_FOUND'), (krerr(1, 'field'), 'customerId'),
             (kr(2, 'success'), 'false'), (krerr(2), 'INVALID_STATE')), wss='clientele-agent')

    c = with_customer(new('openCases - LIMIT_EXCEEDED: 201 items open nothing').seed())
    c.req('Open 201 cases', 'openCases', open_cases(*[('i', case_data(tc('customerId'), 'SoapUI bulk'))] * LIMIT), crmfault(K, 'LIMIT_EXCEEDED'), wss='clientele-agent')
    c.req('Nothing was opened', 'findCases', find_cases(customer=tc('customerId')), ok(K, ('count(//cs:findCasesResponse/cs:supportCase)', '0')), wss='clientele-readonly')

    c = new('openCases - VALIDATION: schema violation (unknown priority)')
    c.req('Open with priority CRITICAL', 'openCases', open_cases(('x', case_data(MAXID, 'SoapUI', 'CRITICAL'))), crmfault(K, 'VALIDATION'), wss='clientele-agent')

    c = new('openCases - NOT_AUTHORIZED: crm-readonly may not open cases')
    c.req('Open as crm-readonly', 'openCases', open_cases(('x', case_data(MAXID, 'SoapUI'))), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    c = with_customer(new('openCases - IDEMPOTENCY_CONFLICT: a retry replays, the same key with another request is refused').seed())
    idem = '<c:RequestContext><c:idempotencyKey>soapui-case-%s</c:idempotencyKey></c:RequestContext>' % RUN
    c.req('Open with an idempotency key', 'openCases', (idem, open_cases(('k', case_data(tc('customerId'), 'SoapUI %s idem' % RUN)))),
          ok(K, (kr(1, 'success'), 'true'), ('//c:ResponseContext/c:replayed', 'false')), wss='clientele-agent')
    c.transfer('Transfer case id', ('caseId', 'Open with an idempotency key', kr(1, 'id')))
    c.req('Retry returns the stored response', 'openCases', (idem, open_cases(('k', case_data(tc('customerId'), 'SoapUI %s idem' % RUN)))),
          ok(K, (kr(1, 'id'), tc('caseId')), ('//c:ResponseContext/c:replayed', 'true')), wss='clientele-agent')
    c.req('Same key, another request', 'openCases', (idem, open_cases(('k', case_data(tc('customerId'), 'SoapUI %s other' % RUN)))),
          crmfault(K, 'IDEMPOTENCY_CONFLICT'), wss='clientele-agent')
    c.req('One case only', 'findCases', find_cases(customer=tc('customerId')), ok(K, ('count(//cs:findCasesResponse/cs:supportCase)', '1')), wss='clientele-readonly')

    c = new('getCases - VALIDATION: neither id nor number, and NOT_FOUND in a lookup')
    c.req('Get nothing', 'getCases', get_cases(), crmfault(K, 'VALIDATION'), wss='clientele-readonly')
    c.req('Get unknown id and number', 'getCases', get_cases(ids=[MAXID], numbers=['CS-1999-999999999']),
          ok(K, ('//cs:lookup[1]/cs:error/c:code', 'NOT_FOUND'), ('//cs:lookup[2]/cs:error/c:code', 'NOT_FOUND'), ('count(//cs:supportCase)', '0')), wss='clientele-readonly')

    # ---- findCases
    c = with_customer(new('findCases - happy path: customer and status filters, pages with signed tokens').seed())
    c.req('Open three cases', 'openCases', open_cases(*[('f%d' % i, case_data(tc('customerId'), 'SoapUI %s find %d' % (RUN, i))) for i in (1, 2, 3)]),
          ok(K, ("count(//cs:result[c:success='true'])", '3')), wss='clientele-agent')
    c.req('First page of two', 'findCases', find_cases(customer=tc('customerId'), statuses=['NEW'], page_size=2), ok(K,
          ('count(//cs:findCasesResponse/cs:supportCase)', '2'), ('//cs:supportCase[1]/cs:data/cs:subject', 'SoapUI %s find 1' % RUN),
          ('count(//cs:nextPageToken)', '1')), wss='clientele-readonly')
    c.transfer('Transfer page token', ('pageToken', 'First page of two', '//cs:nextPageToken'))
    c.req('Second page', 'findCases', find_cases(customer=tc('customerId'), statuses=['NEW'], page_size=2, token=tc('pageToken')), ok(K,
          ('count(//cs:findCasesResponse/cs:supportCase)', '1'), ('//cs:supportCase[1]/cs:data/cs:subject', 'SoapUI %s find 3' % RUN), ('count(//cs:nextPageToken)', '0')),
          wss='clientele-readonly')
    c.req('Not overdue', 'findCases', find_cases(customer=tc('customerId'), overdue='true'), ok(K, ('count(//cs:findCasesResponse/cs:supportCase)', '0')), wss='clientele-readonly')

    c = new('findCases - VALIDATION: tampered page token')
    c.req('Find with a forged token', 'findCases', find_cases(category='Billing', token='forged-page-token'),
          crmfault(K, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'pageToken')), wss='clientele-readonly')

    # ---- updateCases
    c = with_case(new('updateCases - happy path: priority change moves the due times; stale version is CONCURRENCY').seed(), priority='LOW')
    c.req('Raise the priority', 'updateCases', update_cases(('u', tc('caseId'), 0, [('subject', 'SoapUI %s urgent now' % RUN), ('priority', 'URGENT')])),
          ok(K, (kr(1, 'success'), 'true'), (kr(1, 'version'), '1')), wss='clientele-agent')
    c.req('Read it', 'getCases', get_cases(ids=[tc('caseId')]), ok(K, ('//cs:supportCase/cs:data/cs:priority', 'URGENT'),
          ('//cs:supportCase/cs:data/cs:subject', 'SoapUI %s urgent now' % RUN), ('//cs:supportCase/cs:data/cs:category', 'Billing'), ('//cs:supportCase/cs:version', '1')),
          wss='clientele-readonly')
    c.req('Update from version 0 again', 'updateCases', update_cases(('u', tc('caseId'), 0, [('category', 'Stale')])),
          ok(K, (kr(1, 'success'), 'false'), (krerr(1), 'CONCURRENCY'), (krerr(1, 'field'), 'expectedVersion')), wss='clientele-agent')

    c = new('updateCases - NOT_AUTHORIZED: crm-integration may open cases but not change them')
    c.req('Update as crm-integration', 'updateCases', update_cases(('u', MAXID, None, [('category', 'x')])), crmfault(K, 'NOT_AUTHORIZED'))

    # ---- changeCaseStatus
    c = with_case(new('changeCaseStatus - happy path: the whole lifecycle').seed())
    for step, (status, ver, note, checks) in enumerate([
            ('OPEN', 0, None, [('//cs:supportCase/cs:version', '1')]),
            ('PENDING', 1, None, [('//cs:supportCase/cs:sla/cs:clockRunning', 'false')]),
            ('OPEN', None, None, [('//cs:supportCase/cs:sla/cs:clockRunning', 'true')]),
            ('RESOLVED', None, 'Replaced the toner', [('//cs:supportCase/cs:resolutionNote', 'Replaced the toner'), ('count(//cs:supportCase/cs:sla/cs:resolvedAt)', '1'),
                                                      ('count(//cs:supportCase/cs:sla/cs:firstRespondedAt)', '1')]),
            ('CLOSED', None, None, [('count(//cs:supportCase/cs:closedAt)', '1')]),
            ('REOPENED', None, None, [('count(//cs:supportCase/cs:sla/cs:resolvedAt)', '0'), ('count(//cs:supportCase/cs:closedAt)', '0')]),
            ('OPEN', None, None, [('//cs:supportCase/cs:version', '7')])]):
        c.req('%d. to %s' % (step + 1, status), 'changeCaseStatus', change_status(tc('caseId'), status, ver, note),
              ok(K, ('//cs:supportCase/cs:status', status), *checks), wss='clientele-agent')

    c = with_case(new('changeCaseStatus - INVALID_STATE: NEW cannot be resolved; the fault names the allowed moves').seed())
    c.req('Resolve a NEW case', 'changeCaseStatus', change_status(tc('caseId'), 'RESOLVED', note='Too early'),
          crmfault(K, 'INVALID_STATE', ("contains(//soap:Fault//c:CrmFault/c:message, 'may move to: OPEN')", 'true')), wss='clientele-agent')
    c.req('Still NEW', 'getCases', get_cases(ids=[tc('caseId')]), ok(K, ('//cs:supportCase/cs:status', 'NEW'), ('//cs:supportCase/cs:version', '0')), wss='clientele-readonly')

    c = with_case(new('changeCaseStatus - VALIDATION: resolving needs a resolution note; CONCURRENCY: stale version').seed())
    c.req('Open it', 'changeCaseStatus', change_status(tc('caseId'), 'OPEN'), ok(K, ('//cs:supportCase/cs:status', 'OPEN')), wss='clientele-agent')
    c.req('Resolve without a note', 'changeCaseStatus', change_status(tc('caseId'), 'RESOLVED'),
          crmfault(K, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'resolutionNote')), wss='clientele-agent')
    c.req('Pend from version 0', 'changeCaseStatus', change_status(tc('caseId'), 'PENDING', ver=0),
          crmfault(K, 'CONCURRENCY', ('//soap:Fault//c:CrmFault/c:retryable', 'true')), wss='clientele-agent')

    # ---- assignCase
    c = with_case(new('assignCase - happy path: to a queue, then found by assignee').seed())
    c.req('Assign to a queue', 'assignCase', assign_case(tc('caseId'), 'QUEUE', 'soapui-%s' % RUN, 0),
          ok(K, ('//cs:supportCase/cs:assignee/cs:kind', 'QUEUE'), ('//cs:supportCase/cs:assignee/cs:name', 'soapui-%s' % RUN), ('//cs:supportCase/cs:version', '1')),
          wss='clientele-agent')
    c.req('Find by assignee', 'findCases', find_cases(assignee=('QUEUE', 'soapui-%s' % RUN)),
          ok(K, ('count(//cs:findCasesResponse/cs:supportCase)', '1'), ('//cs:supportCase/cs:id', tc('caseId'))), wss='clientele-readonly')

    c = new('assignCase - NOT_FOUND: unknown case')
    c.req('Assign an unknown case', 'assignCase', assign_case(MAXID, 'AGENT', 'nobody'), crmfault(K, 'NOT_FOUND'), wss='clientele-agent')

    # ---- comments
    c = with_case(new('addCaseComment and listCaseComments - happy path: crm-readonly sees PUBLIC comments only').seed())
    c.req('Add a public comment', 'addCaseComment', add_comment(tc('caseId'), 'PUBLIC', 'We are on it'),
          ok(K, ('//cs:comment/cs:body', 'We are on it'), ('//cs:comment/cs:visibility', 'PUBLIC'), ('//cs:comment/cs:author', '${#Project#agentUsername}')),
          wss='clientele-agent')
    c.req('Add an internal comment', 'addCaseComment', add_comment(tc('caseId'), 'INTERNAL', 'Customer is grumpy'),
          ok(K, ('//cs:comment/cs:visibility', 'INTERNAL')), wss='clientele-agent')
    c.req('List as crm-agent', 'listCaseComments', list_comments(tc('caseId')), ok(K, ('count(//cs:comment)', '2')), wss='clientele-agent')
    c.req('List as crm-readonly', 'listCaseComments', list_comments(tc('caseId')),
          ok(K, ('count(//cs:comment)', '1'), ('//cs:comment/cs:body', 'We are on it')), wss='clientele-readonly')

    c = new('addCaseComment - NOT_AUTHORIZED: crm-readonly may not comment')
    c.req('Comment as crm-readonly', 'addCaseComment', add_comment(MAXID, 'PUBLIC', 'No'), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    c = new('listCaseComments - NOT_FOUND: unknown case')
    c.req('List comments of an unknown case', 'listCaseComments', list_comments(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-readonly')

    # ---- attachments
    c = with_case(new('addCaseAttachment and getCaseAttachment - happy path: size and SHA-256 computed by the server').seed())
    c.req('Attach hello.txt', 'addCaseAttachment', add_attachment(tc('caseId')),
          ok(K, ('//cs:attachment/cs:size', '5'), ('//cs:attachment/cs:sha256', HELLO_SHA), ('//cs:attachment/cs:fileName', 'hello.txt'),
             ('//cs:attachment/cs:caseId', tc('caseId'))), wss='clientele-agent')
    c.transfer('Transfer attachment id', ('attachmentId', 'Attach hello.txt', '//cs:attachment/cs:id'))
    # a request without MTOM gets its answer without MTOM: the content inline as base64
    c.req('Read it back', 'getCaseAttachment', get_attachment(tc('attachmentId')),
          ok(K, ('//cs:getCaseAttachmentResponse/cs:attachment/cs:sha256', HELLO_SHA), ('//cs:getCaseAttachmentResponse/cs:attachment/cs:mediaType', 'text/plain'),
             ('//cs:getCaseAttachmentResponse/cs:content', 'SGVsbG8=')), wss='clientele-readonly')
    c.req('Listed with the case', 'getCases', get_cases(ids=[tc('caseId')]),
          ok(K, ('//cs:supportCase/cs:attachment/cs:id', tc('attachmentId')), ('//cs:supportCase/cs:attachment/cs:sha256', HELLO_SHA)), wss='clientele-readonly')

    c = new('addCaseAttachment - NOT_FOUND: unknown case')
    c.req('Attach to an unknown case', 'addCaseAttachment', add_attachment(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-agent')

    c = new('getCaseAttachment - NOT_FOUND: unknown attachment')
    c.req('Read an unknown attachment', 'getCaseAttachment', get_attachment(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-readonly')

    c = new('Security - no Security header is refused by CaseService')
    c.req('Get without WS-Security', 'getCases', get_cases(ids=[MAXID]), secfault(K), wss='')
    return cases


def case12_cases(K=K12):
    """The SOAP 1.2 cases; with an X.509 interface, the same calls signed and encrypted (see x509())."""
    cases = []

    def new(name):
        c = Case(K, name)
        cases.append(c)
        return c

    c = new('SOAP 1.2 - every operation in one case lifecycle').seed()
    c.req('Create the customer', 'createCustomers', create(('c', data('SoapUI12 %s case customer' % RUN))), ok(I12, (r(1, 'success'), 'true')), iface=I12)
    c.transfer('Transfer customer id', ('customerId', 'Create the customer', r(1, 'id')))
    c.req('openCases', 'openCases', open_cases(('k', case_data(tc('customerId'), 'SoapUI12 %s case' % RUN, 'HIGH'))),
          ok(K, (kr(1, 'success'), 'true'), (kr(1, 'version'), '0')), wss='clientele-agent')
    c.transfer('Transfer case', ('caseId', 'openCases', kr(1, 'id')), ('caseNumber', 'openCases', '//cs:result[1]/cs:number'))
    c.req('getCases', 'getCases', get_cases(numbers=[tc('caseNumber')]), ok(K, ('//cs:supportCase/cs:id', tc('caseId'))), wss='clientele-readonly')
    c.req('findCases', 'findCases', find_cases(customer=tc('customerId')), ok(K, ('count(//cs:findCasesResponse/cs:supportCase)', '1')), wss='clientele-readonly')
    c.req('updateCases', 'updateCases', update_cases(('u', tc('caseId'), 0, [('category', 'Delivery')])), ok(K, (kr(1, 'version'), '1')), wss='clientele-agent')
    c.req('changeCaseStatus', 'changeCaseStatus', change_status(tc('caseId'), 'OPEN', 1), ok(K, ('//cs:supportCase/cs:status', 'OPEN')), wss='clientele-agent')
    c.req('assignCase', 'assignCase', assign_case(tc('caseId'), 'AGENT', '${#Project#agentUsername}'), ok(K, ('//cs:supportCase/cs:assignee/cs:kind', 'AGENT')), wss='clientele-agent')
    c.req('addCaseComment', 'addCaseComment', add_comment(tc('caseId'), 'PUBLIC', 'Answered over SOAP 1.2'), ok(K, ('//cs:comment/cs:visibility', 'PUBLIC')), wss='clientele-agent')
    c.req('listCaseComments', 'listCaseComments', list_comments(tc('caseId')), ok(K, ('//cs:comment[1]/cs:body', 'Answered over SOAP 1.2')), wss='clientele-readonly')
    c.req('addCaseAttachment', 'addCaseAttachment', add_attachment(tc('caseId')), ok(K, ('//cs:attachment/cs:sha256', HELLO_SHA)), wss='clientele-agent')
    c.transfer('Transfer attachment id', ('attachmentId', 'addCaseAttachment', '//cs:attachment/cs:id'))
    c.req('getCaseAttachment', 'getCaseAttachment', get_attachment(tc('attachmentId')),
          ok(K, ('//cs:getCaseAttachmentResponse/cs:attachment/cs:size', '5'), ('//cs:getCaseAttachmentResponse/cs:content', 'SGVsbG8=')), wss='clientele-readonly')

    new('openCases - NOT_AUTHORIZED over SOAP 1.2').req('Open as crm-readonly', 'openCases', open_cases(('x', case_data(MAXID, 'SoapUI12'))), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('getCases - VALIDATION over SOAP 1.2 (nothing requested)').req('Get nothing', 'getCases', get_cases(), crmfault(K, 'VALIDATION'), wss='clientele-readonly')
    new('findCases - VALIDATION over SOAP 1.2 (tampered token)').req('Find with a forged token', 'findCases', find_cases(token='forged-page-token'), crmfault(K, 'VALIDATION'), wss='clientele-readonly')
    new('updateCases - LIMIT_EXCEEDED over SOAP 1.2').req('Update 201', 'updateCases', update_cases(*[('u', MAXID, None, [('category', 'x')])] * LIMIT), crmfault(K, 'LIMIT_EXCEEDED'), wss='clientele-agent')
    new('changeCaseStatus - NOT_FOUND over SOAP 1.2').req('Move an unknown case', 'changeCaseStatus', change_status(MAXID, 'OPEN'), crmfault(K, 'NOT_FOUND'), wss='clientele-agent')
    new('assignCase - NOT_AUTHORIZED over SOAP 1.2').req('Assign as crm-readonly', 'assignCase', assign_case(MAXID, 'QUEUE', 'q'), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('addCaseComment - VALIDATION over SOAP 1.2 (schema: unknown visibility)').req('Comment with visibility SECRET', 'addCaseComment', add_comment(MAXID, 'SECRET', 'x'), crmfault(K, 'VALIDATION'), wss='clientele-agent')
    new('listCaseComments - NOT_FOUND over SOAP 1.2').req('List comments of an unknown case', 'listCaseComments', list_comments(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-readonly')
    new('addCaseAttachment - VALIDATION over SOAP 1.2 (schema: file name with a path)').req('Attach ../x', 'addCaseAttachment', add_attachment(MAXID, name='../x'), crmfault(K, 'VALIDATION'), wss='clientele-agent')
    new('getCaseAttachment - NOT_FOUND over SOAP 1.2').req('Read an unknown attachment', 'getCaseAttachment', get_attachment(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-readonly')
    if K in X509:
        return x509(cases)
    new('Security - wrong password is refused over SOAP 1.2 by CaseService').req('Get with a wrong password', 'getCases', get_cases(ids=[MAXID]), secfault(K), wss='wrong-password')
    return cases


def status_cases(I):
    v = '1.2' if IFACES[I]['ver'] == '1_2' else '1.1'
    a = Case(I, 'ping - happy path over SOAP %s without security' % v)
    a.req('ping', 'ping', '      <st:ping/>', ok(I, ('//st:pingResponse/st:version', '1.0.0'), ('count(//st:pingResponse/st:serverTime)', '1')), wss='')
    b = Case(I, 'ping - VALIDATION over SOAP %s (schema violation)' % v)
    b.req('ping with an unexpected element', 'ping', '      <st:ping><st:unexpected>x</st:unexpected></st:ping>', crmfault(I, 'VALIDATION'), wss='')
    return [a, b]


def sync_cases(Y):
    v = '1.2' if IFACES[Y]['ver'] == '1_2' else '1.1'
    I = I12 if v == '1.2' else I11
    principal = 'x509-integration' if Y in X509 else '${#Project#username}'  # the API user the test certificate is bound to
    ctx = ('<c:RequestContext xmlns:c="%s"><c:clientSystem>SOAPUI</c:clientSystem><c:correlationId>soapui-%s</c:correlationId></c:RequestContext>' % (C, RUN))
    cases = []
    a = Case(Y, 'getLatestCursor and getChanges - happy path over SOAP %s: a create appears after the latest cursor' % v).seed()
    a.req('getLatestCursor', 'getLatestCursor', '      <sy:getLatestCursor/>', ok(Y, ('count(//sy:getLatestCursorResponse/sy:cursor)', '1')), wss='clientele-readonly')
    a.transfer('Transfer cursor', ('cursor', 'getLatestCursor', '//sy:getLatestCursorResponse/sy:cursor'))
    a.req('Create a customer', 'createCustomers', (ctx, create(('c', data('SoapUI %s feed' % RUN)))), ok(I, (r(1, 'success'), 'true')), iface=I)
    a.transfer('Transfer id', ('customerId', 'Create a customer', r(1, 'id')))
    # poll the SoapUI way: wait a little, read the feed, go back while the change is not numbered yet (bounded by the
    # test case's timeout), instead of one fixed sleep that is too long on a fast server and too short on a slow one
    a.delay('Wait for the sequencer', 200)
    a.req('Poll getChanges', 'getChanges', '      <sy:getChanges><sy:cursor>%s</sy:cursor><sy:entityType>CUSTOMER</sy:entityType></sy:getChanges>' % tc('cursor'),
          [a_soap(), a_notfault(), a_status('200')], wss='clientele-readonly')
    a.goto('Poll again until the change is numbered', 'no change after the cursor yet', 'count(//sy:getChangesResponse/sy:change) = 0',
           'Wait for the sequencer')
    a.timeout = 60000
    a.req('getChanges after the cursor', 'getChanges', '      <sy:getChanges><sy:cursor>%s</sy:cursor><sy:entityType>CUSTOMER</sy:entityType><sy:includeSnapshots>true</sy:includeSnapshots></sy:getChanges>' % tc('cursor'),
          ok(Y, ('count(//sy:change[sy:entityId=%s])' % tc('customerId'), '1'),
             ('//sy:change[sy:entityId=%s]/sy:operation' % tc('customerId'), 'CREATED'),
             ('//sy:change[sy:entityId=%s]/sy:entityType' % tc('customerId'), 'CUSTOMER'),
             ('//sy:change[sy:entityId=%s]/sy:entityVersion' % tc('customerId'), '0'),
             ('//sy:change[sy:entityId=%s]/sy:principal' % tc('customerId'), principal),
             ('//sy:change[sy:entityId=%s]/sy:clientSystem' % tc('customerId'), 'SOAPUI'),
             ('//sy:change[sy:entityId=%s]/sy:correlationId' % tc('customerId'), 'soapui-%s' % RUN),
             ('//sy:change[sy:entityId=%s]/sy:customer/cu:data/cu:name' % tc('customerId'), 'SoapUI %s feed' % RUN),
             ('count(//sy:change[sy:entityType!=\'CUSTOMER\'])', '0'), ('count(//sy:nextCursor)', '1')), wss='clientele-readonly')
    a.transfer('Transfer next cursor', ('nextCursor', 'getChanges after the cursor', '//sy:getChangesResponse/sy:nextCursor'))
    a.req('getChanges after the next cursor', 'getChanges', '      <sy:getChanges><sy:cursor>%s</sy:cursor><sy:maxChanges>5000</sy:maxChanges></sy:getChanges>' % tc('nextCursor'),
          ok(Y, ('count(//sy:change[sy:entityId=%s][sy:entityType=\'CUSTOMER\'])' % tc('customerId'), '0')), wss='clientele-readonly')
    cases.append(a)
    b = Case(Y, 'getChanges - VALIDATION over SOAP %s: altered cursor' % v)
    b.req('getChanges with a forged cursor', 'getChanges', '      <sy:getChanges><sy:cursor>forged-cursor</sy:cursor></sy:getChanges>',
          crmfault(Y, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'cursor')), wss='clientele-readonly')
    cases.append(b)
    c = Case(Y, 'getChanges - VALIDATION over SOAP %s: schema violation (maxChanges 0)' % v)
    c.req('getChanges with maxChanges 0', 'getChanges', '      <sy:getChanges><sy:maxChanges>0</sy:maxChanges></sy:getChanges>', crmfault(Y, 'VALIDATION'), wss='clientele-readonly')
    cases.append(c)
    d = Case(Y, 'getChanges - NOT_AUTHORIZED over SOAP %s: crm-agent may not read the feed' % v)
    d.req('getChanges as crm-agent', 'getChanges', '      <sy:getChanges><sy:maxChanges>1</sy:maxChanges></sy:getChanges>', crmfault(Y, 'NOT_AUTHORIZED'), wss='clientele-agent')
    cases.append(d)
    e = Case(Y, 'getLatestCursor - NOT_AUTHORIZED over SOAP %s: crm-agent may not read the feed' % v)
    e.req('getLatestCursor as crm-agent', 'getLatestCursor', '      <sy:getLatestCursor/>', crmfault(Y, 'NOT_AUTHORIZED'), wss='clientele-agent')
    cases.append(e)
    f = Case(Y, 'Security - no Security header is refused over SOAP %s' % v)
    f.req('getLatestCursor without WS-Security', 'getLatestCursor', '      <sy:getLatestCursor/>', secfault(Y), wss='')
    cases.append(f)
    if Y in X509:
        return x509(cases, plain=False)  # f is the plain request
    return cases


# ------------------------------------------------------------------ CampaignService (SOAP 1.1 and 1.2)
# Campaign writes run as crm-marketing ('clientele-marketing'); customers for members are created as crm-integration
# ('clientele') through CustomerService; responses are recorded as crm-integration, reads as crm-readonly.

def campaign_data(name, status=None, start='2026-03-01', end=None, currency='EUR', cost=None, parent=None, channel='EMAIL'):
    s = '<ca:data><ca:name>%s</ca:name><ca:channel>%s</ca:channel>' % (name, channel)
    if status:
        s += '<ca:status>%s</ca:status>' % status
    s += '<ca:startDate>%s</ca:startDate>' % start
    if end:
        s += '<ca:endDate>%s</ca:endDate>' % end
    s += '<ca:currency>%s</ca:currency>' % currency
    if cost is not None:
        s += '<ca:actualCost>%s</ca:actualCost>' % cost
    if parent:
        s += '<ca:parentId>%s</ca:parentId>' % parent
    return s + '</ca:data>'


def create_campaigns(*items):
    s = '      <ca:createCampaigns>\n'
    for ref, d in items:
        s += '         <ca:campaign>%s%s</ca:campaign>\n' % ('<ca:clientRef>%s</ca:clientRef>' % ref if ref else '', d)
    return s + '      </ca:createCampaigns>'


def update_campaigns(*items):
    s = '      <ca:updateCampaigns>\n'
    for ref, id_, ver, d in items:
        s += '         <ca:campaign><ca:clientRef>%s</ca:clientRef><ca:id>%s</ca:id>%s%s</ca:campaign>\n' % (
            ref, id_, '<ca:expectedVersion>%s</ca:expectedVersion>' % ver if ver is not None else '', d)
    return s + '      </ca:updateCampaigns>'


def get_campaigns(*ids):
    return '      <ca:getCampaigns>%s</ca:getCampaigns>' % ''.join('<ca:id>%s</ca:id>' % i for i in ids)


def find_campaigns(name=None, status=None, page_size=None, token=None):
    s = '      <ca:findCampaigns>'
    if name:
        s += '<ca:nameContains>%s</ca:nameContains>' % name
    if status:
        s += '<ca:status>%s</ca:status>' % status
    if page_size:
        s += '<ca:pageSize>%s</ca:pageSize>' % page_size
    if token:
        s += '<ca:pageToken>%s</ca:pageToken>' % token
    return s + '</ca:findCampaigns>'


def members(op, *items):
    s = '      <ca:%s>\n' % op
    for ref, campaign, customer, contact in items:
        s += '         <ca:member>%s<ca:campaignId>%s</ca:campaignId><ca:customerId>%s</ca:customerId>%s</ca:member>\n' % (
            '<ca:clientRef>%s</ca:clientRef>' % ref if ref else '', campaign, customer, '<ca:contactId>%s</ca:contactId>' % contact if contact else '')
    return s + '      </ca:%s>' % op


def responses(*items):
    s = '      <ca:recordCampaignResponses>\n'
    for ref, campaign, customer, stage, revenue in items:
        s += ('         <ca:response><ca:clientRef>%s</ca:clientRef><ca:campaignId>%s</ca:campaignId><ca:customerId>%s</ca:customerId>'
              '<ca:stage>%s</ca:stage><ca:respondedAt>2026-03-02T10:00:00Z</ca:respondedAt>%s</ca:response>\n'
              % (ref, campaign, customer, stage, '<ca:revenue>%s</ca:revenue>' % revenue if revenue else ''))
    return s + '      </ca:recordCampaignResponses>'


def statistics(campaign, children=None):
    return '      <ca:getCampaignStatistics><ca:campaignId>%s</ca:campaignId>%s</ca:getCampaignStatistics>' % (
        campaign, '<ca:includeChildren>%s</ca:includeChildren>' % children if children else '')


def mr(i, field):
    return '//ca:result[%d]/c:%s' % (i, field)


def merr(i, field='code'):
    return '//ca:result[%d]/c:error/c:%s' % (i, field)


def campaign_cases(K):
    I = I11 if IFACES[K]['ver'] == '1_1' else I12
    cases = []

    def new(name):
        c = Case(K, name)
        cases.append(c)
        return c

    def customers(c, *names):
        c.req('Create customers', 'createCustomers', create(*[(n, data('SoapUI %s %s' % (RUN, n), contacts=[contact('Contact ' + n)])) for n in names]),
              ok(I, ('count(//cu:result[c:success=\'true\'])', str(len(names)))), iface=I)
        c.transfer('Transfer customer ids', *[(n + 'Id', 'Create customers', r(i + 1, 'id')) for i, n in enumerate(names)])

    def campaign(c, name='SoapUI %s campaign' % RUN, status='ACTIVE', cost=None, prop='campaignId'):
        c.req('Create campaign', 'createCampaigns', create_campaigns(('c', campaign_data(name, status=status, cost=cost))),
              ok(K, (mr(1, 'success'), 'true')), wss='clientele-marketing')
        c.transfer('Transfer campaign id', (prop, 'Create campaign', mr(1, 'id')))

    def find_count(c, step, name, n):
        c.req(step, 'findCampaigns', find_campaigns(name=name), ok(K, ('count(//ca:findCampaignsResponse/ca:campaign)', str(n))), wss='clientele-readonly')

    # ---- createCampaigns
    c = new('createCampaigns - happy path: two campaigns, read back by id').seed()
    c.req('Create two campaigns', 'createCampaigns', create_campaigns(
        ('row-1', campaign_data('SoapUI %s Spring' % RUN, status='ACTIVE', end='2026-04-30', cost='1234.5678')),
        ('row-2', campaign_data('SoapUI %s Autumn' % RUN, channel='EVENT'))),
        ok(K, ('count(//ca:result)', '2'), (mr(1, 'clientRef'), 'row-1'), (mr(1, 'success'), 'true'), (mr(1, 'version'), '0'),
           (mr(2, 'clientRef'), 'row-2'), (mr(2, 'success'), 'true')), wss='clientele-marketing')
    c.transfer('Transfer ids', ('springId', 'Create two campaigns', mr(1, 'id')), ('autumnId', 'Create two campaigns', mr(2, 'id')))
    c.req('Get both', 'getCampaigns', get_campaigns(tc('springId'), tc('autumnId')), ok(K,
          ('count(//ca:lookup)', '2'), ('//ca:lookup[1]/ca:campaign/ca:data/ca:name', 'SoapUI %s Spring' % RUN),
          ('//ca:lookup[1]/ca:campaign/ca:data/ca:status', 'ACTIVE'), ('//ca:lookup[1]/ca:campaign/ca:data/ca:endDate', '2026-04-30'),
          ('//ca:lookup[1]/ca:campaign/ca:data/ca:actualCost', '1234.5678'), ('//ca:lookup[1]/ca:campaign/ca:data/ca:currency', 'EUR'),
          ('//ca:lookup[2]/ca:campaign/ca:data/ca:status', 'PLANNED'), ('//ca:lookup[2]/ca:campaign/ca:data/ca:channel', 'EVENT')), wss='clientele-readonly')

    c = new('createCampaigns - VALIDATION: schema violation (currency pattern) writes nothing').seed()
    c.req('Create with currency eur', 'createCampaigns', create_campaigns(('c', campaign_data('SoapUI %s schema' % RUN, currency='eur'))),
          crmfault(K, 'VALIDATION'), wss='clientele-marketing')
    find_count(c, 'Nothing was created', RUN, 0)

    c = new('createCampaigns - item errors: end before start, unknown parent, completed at birth').seed()
    c.req('Create three bad and one good', 'createCampaigns', create_campaigns(
        ('dates', campaign_data('SoapUI %s dates' % RUN, end='2026-02-01')), ('parent', campaign_data('SoapUI %s parent' % RUN, parent=MAXID)),
        ('status', campaign_data('SoapUI %s status' % RUN, status='COMPLETED')), ('good', campaign_data('SoapUI %s good' % RUN))),
        ok(K, (merr(1), 'VALIDATION'), (merr(1, 'field'), 'endDate'), (merr(2), 'NOT_FOUND'), (merr(2, 'field'), 'parentId'),
           (merr(3), 'INVALID_STATE'), (mr(4, 'success'), 'true')), wss='clientele-marketing')
    find_count(c, 'Only the good one was created', RUN, 1)

    c = new('createCampaigns - LIMIT_EXCEEDED: 201 items write nothing').seed()
    c.req('Create 201 campaigns', 'createCampaigns', create_campaigns(*[(None, campaign_data('SoapUI %s bulk' % RUN))] * LIMIT),
          crmfault(K, 'LIMIT_EXCEEDED'), wss='clientele-marketing')
    find_count(c, 'Nothing was created', RUN, 0)

    c = new('createCampaigns - NOT_AUTHORIZED: crm-integration, crm-readonly and crm-agent may not create').seed()
    for step, w in (('Create as crm-integration', 'clientele'), ('Create as crm-readonly', 'clientele-readonly'), ('Create as crm-agent', 'clientele-agent')):
        c.req(step, 'createCampaigns', create_campaigns(('c', campaign_data('SoapUI %s refused' % RUN))), crmfault(K, 'NOT_AUTHORIZED'), wss=w)
    find_count(c, 'Nothing was created', RUN, 0)

    c = new('createCampaigns - IDEMPOTENCY_CONFLICT: a retry replays, the same key with another request is refused').seed()
    idem = '<c:RequestContext><c:idempotencyKey>soapui-campaign-%s</c:idempotencyKey></c:RequestContext>' % RUN
    c.req('Create with an idempotency key', 'createCampaigns', (idem, create_campaigns(('c', campaign_data('SoapUI %s idem' % RUN)))),
          ok(K, (mr(1, 'success'), 'true'), ('//c:ResponseContext/c:replayed', 'false')), wss='clientele-marketing')
    c.transfer('Transfer id', ('idemId', 'Create with an idempotency key', mr(1, 'id')))
    c.req('Retry returns the stored response', 'createCampaigns', (idem, create_campaigns(('c', campaign_data('SoapUI %s idem' % RUN)))),
          ok(K, (mr(1, 'id'), tc('idemId')), ('//c:ResponseContext/c:replayed', 'true')), wss='clientele-marketing')
    c.req('Same key, another request', 'createCampaigns', (idem, create_campaigns(('c', campaign_data('SoapUI %s other' % RUN)))),
          crmfault(K, 'IDEMPOTENCY_CONFLICT'), wss='clientele-marketing')
    find_count(c, 'One campaign, no other', RUN, 1)

    # ---- updateCampaigns
    c = new('updateCampaigns - happy path: PLANNED to ACTIVE, version grows').seed()
    campaign(c, status=None)
    c.req('Activate with expectedVersion 0', 'updateCampaigns', update_campaigns(('u', tc('campaignId'), 0, campaign_data('SoapUI %s running' % RUN, status='ACTIVE'))),
          ok(K, (mr(1, 'clientRef'), 'u'), (mr(1, 'success'), 'true'), (mr(1, 'version'), '1')), wss='clientele-marketing')
    c.req('Read it', 'getCampaigns', get_campaigns(tc('campaignId')), ok(K, ('//ca:campaign/ca:version', '1'),
          ('//ca:campaign/ca:data/ca:status', 'ACTIVE'), ('//ca:campaign/ca:data/ca:name', 'SoapUI %s running' % RUN)), wss='clientele-readonly')

    c = new('updateCampaigns - item errors: CONCURRENCY, INVALID_STATE move, NOT_FOUND').seed()
    campaign(c, status='ACTIVE')
    c.req('Complete it', 'updateCampaigns', update_campaigns(('u', tc('campaignId'), 0, campaign_data('SoapUI %s' % RUN, status='COMPLETED'))),
          ok(K, (mr(1, 'version'), '1')), wss='clientele-marketing')
    c.req('Stale, illegal and unknown', 'updateCampaigns', update_campaigns(
        ('stale', tc('campaignId'), 0, campaign_data('SoapUI %s stale' % RUN)),
        ('reopen', tc('campaignId'), None, campaign_data('SoapUI %s reopened' % RUN, status='ACTIVE')),
        ('unknown', MAXID, None, campaign_data('SoapUI %s nobody' % RUN))),
        ok(K, (merr(1), 'CONCURRENCY'), (merr(1, 'field'), 'expectedVersion'), (merr(2), 'INVALID_STATE'), (merr(2, 'field'), 'status'),
           (merr(3), 'NOT_FOUND')), wss='clientele-marketing')
    c.req('Still COMPLETED at version 1', 'getCampaigns', get_campaigns(tc('campaignId')), ok(K, ('//ca:campaign/ca:version', '1'),
          ('//ca:campaign/ca:data/ca:status', 'COMPLETED')), wss='clientele-readonly')

    c = new('updateCampaigns - NOT_AUTHORIZED: crm-readonly may not update')
    c.req('Update as crm-readonly', 'updateCampaigns', update_campaigns(('u', MAXID, None, campaign_data('SoapUI ro'))), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    # ---- getCampaigns / findCampaigns
    c = new('getCampaigns - happy path: NOT_FOUND in the lookup').seed()
    campaign(c)
    c.req('Get known and unknown', 'getCampaigns', get_campaigns(MAXID, tc('campaignId')), ok(K, ('count(//ca:lookup)', '2'),
          ('//ca:lookup[1]/ca:error/c:code', 'NOT_FOUND'), ('//ca:lookup[2]/ca:campaign/ca:id', tc('campaignId'))), wss='clientele-readonly')

    c = new('getCampaigns - NOT_AUTHORIZED: crm-agent may not read campaigns')
    c.req('Get as crm-agent', 'getCampaigns', get_campaigns(MAXID), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-agent')

    c = new('findCampaigns - happy path: filters, pages in id order').seed()
    c.req('Create three', 'createCampaigns', create_campaigns(('1', campaign_data('SoapUI %s find 1' % RUN)), ('2', campaign_data('SoapUI %s find 2' % RUN, status='ACTIVE')),
                                                              ('3', campaign_data('SoapUI %s find 3' % RUN))),
          ok(K, ('count(//ca:result[c:success=\'true\'])', '3')), wss='clientele-marketing')
    c.req('First page of two', 'findCampaigns', find_campaigns(name='SOAPUI %s FIND' % RUN, page_size=2), ok(K,
          ('count(//ca:findCampaignsResponse/ca:campaign)', '2'), ('//ca:campaign[1]/ca:data/ca:name', 'SoapUI %s find 1' % RUN),
          ('count(//ca:nextPageToken)', '1')), wss='clientele-readonly')
    c.transfer('Transfer page token', ('pageToken', 'First page of two', '//ca:nextPageToken'))
    c.req('Second page', 'findCampaigns', find_campaigns(name='SOAPUI %s FIND' % RUN, page_size=2, token=tc('pageToken')), ok(K,
          ('count(//ca:findCampaignsResponse/ca:campaign)', '1'), ('//ca:campaign[1]/ca:data/ca:name', 'SoapUI %s find 3' % RUN),
          ('count(//ca:nextPageToken)', '0')), wss='clientele-readonly')
    c.req('Only ACTIVE', 'findCampaigns', find_campaigns(name='SoapUI %s find' % RUN, status='ACTIVE'), ok(K,
          ('count(//ca:findCampaignsResponse/ca:campaign)', '1'), ('//ca:campaign/ca:data/ca:name', 'SoapUI %s find 2' % RUN)), wss='clientele')

    c = new('findCampaigns - VALIDATION: tampered page token')
    c.req('Find with a forged token', 'findCampaigns', find_campaigns(name='SoapUI', token='forged-page-token'),
          crmfault(K, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'pageToken')), wss='clientele-readonly')

    # ---- members
    c = new('addCampaignMembers - happy path: an existing member is reported with created=false').seed()
    customers(c, 'alice', 'bob')
    campaign(c)
    c.req('Add alice twice, bob unknown contact, nobody', 'addCampaignMembers', members('addCampaignMembers',
          ('first', tc('campaignId'), tc('aliceId'), None), ('again', tc('campaignId'), tc('aliceId'), None),
          ('foreign', tc('campaignId'), tc('bobId'), MAXID), ('nobody', tc('campaignId'), MAXID, None)),
          ok(K, (mr(1, 'success'), 'true'), (mr(1, 'created'), 'true'), (mr(2, 'success'), 'true'), (mr(2, 'created'), 'false'),
             (merr(3), 'VALIDATION'), (merr(3, 'field'), 'contactId'), (merr(4), 'NOT_FOUND')), wss='clientele-marketing')
    c.req('One member', 'getCampaignStatistics', statistics(tc('campaignId')), ok(K, ('//ca:statistics/ca:members', '1')), wss='clientele-readonly')

    c = new('addCampaignMembers - LIMIT_EXCEEDED: 201 items')
    c.req('Add 201 members', 'addCampaignMembers', members('addCampaignMembers', *[(None, MAXID, MAXID, None)] * LIMIT), crmfault(K, 'LIMIT_EXCEEDED'), wss='clientele-marketing')

    c = new('addCampaignMembers - NOT_AUTHORIZED: crm-readonly may not add members')
    c.req('Add as crm-readonly', 'addCampaignMembers', members('addCampaignMembers', ('m', MAXID, MAXID, None)), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    c = new('removeCampaignMembers - happy path and NOT_FOUND for a non-member').seed()
    customers(c, 'carol')
    campaign(c)
    c.req('Add carol', 'addCampaignMembers', members('addCampaignMembers', ('m', tc('campaignId'), tc('carolId'), None)), ok(K, (mr(1, 'created'), 'true')), wss='clientele-marketing')
    c.transfer('Transfer member id', ('memberId', 'Add carol', mr(1, 'id')))
    c.req('Remove carol twice', 'removeCampaignMembers', members('removeCampaignMembers', ('r1', tc('campaignId'), tc('carolId'), None), ('r2', tc('campaignId'), tc('carolId'), None)),
          ok(K, (mr(1, 'success'), 'true'), (mr(1, 'id'), tc('memberId')), (mr(2, 'success'), 'false'), (merr(2), 'NOT_FOUND')), wss='clientele-marketing')
    c.req('No members left', 'getCampaignStatistics', statistics(tc('campaignId')), ok(K, ('//ca:statistics/ca:members', '0')), wss='clientele-readonly')

    c = new('removeCampaignMembers - NOT_AUTHORIZED: crm-integration may not remove members')
    c.req('Remove as crm-integration', 'removeCampaignMembers', members('removeCampaignMembers', ('m', MAXID, MAXID, None)), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele')

    # ---- responses and statistics
    c = new('recordCampaignResponses - happy path: a repeated stage is reported, not counted twice; non-member is NOT_FOUND').seed()
    customers(c, 'dave', 'erin')
    campaign(c)
    c.req('Add dave', 'addCampaignMembers', members('addCampaignMembers', ('m', tc('campaignId'), tc('daveId'), None)), ok(K, (mr(1, 'success'), 'true')), wss='clientele-marketing')
    c.req('Record as crm-integration', 'recordCampaignResponses', responses(('sent', tc('campaignId'), tc('daveId'), 'SENT', None),
          ('conv', tc('campaignId'), tc('daveId'), 'CONVERTED', '99.5'), ('again', tc('campaignId'), tc('daveId'), 'CONVERTED', '1000'),
          ('stranger', tc('campaignId'), tc('erinId'), 'SENT', None)),
          ok(K, (mr(1, 'created'), 'true'), (mr(2, 'created'), 'true'), (mr(3, 'success'), 'true'), (mr(3, 'created'), 'false'),
             (merr(4), 'NOT_FOUND'), (merr(4, 'field'), 'customerId')), wss='clientele')
    c.req('Revenue counted once', 'getCampaignStatistics', statistics(tc('campaignId')), ok(K, ('//ca:statistics/ca:converted', '1'),
          ('//ca:statistics/ca:totalRevenue', '99.5000')), wss='clientele-readonly')

    c = new('recordCampaignResponses - NOT_AUTHORIZED: crm-readonly may not record responses')
    c.req('Record as crm-readonly', 'recordCampaignResponses', responses(('r', MAXID, MAXID, 'SENT', None)), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')

    c = new('getCampaignStatistics - happy path: exact rates, revenue, cost per conversion and ROI').seed()
    customers(c, 'a', 'b', 'c', 'd')
    campaign(c, cost='30')
    c.req('Add four members', 'addCampaignMembers', members('addCampaignMembers', *[(n, tc('campaignId'), tc(n + 'Id'), None) for n in ('a', 'b', 'c', 'd')]),
          ok(K, ('count(//ca:result[c:success=\'true\'])', '4')), wss='clientele-marketing')
    c.req('Record responses', 'recordCampaignResponses', responses(
        ('1', tc('campaignId'), tc('aId'), 'SENT', None), ('2', tc('campaignId'), tc('aId'), 'RESPONDED', None), ('3', tc('campaignId'), tc('aId'), 'CONVERTED', '100.0001'),
        ('4', tc('campaignId'), tc('bId'), 'SENT', None), ('5', tc('campaignId'), tc('bId'), 'RESPONDED', None),
        ('6', tc('campaignId'), tc('cId'), 'SENT', None), ('7', tc('campaignId'), tc('cId'), 'OPENED', '0.5')),
        ok(K, ('count(//ca:result[c:success=\'true\'])', '7')), wss='clientele-marketing')
    c.req('Statistics', 'getCampaignStatistics', statistics(tc('campaignId')), ok(K,
          ('//ca:statistics/ca:members', '4'), ('//ca:statistics/ca:sent', '3'), ('//ca:statistics/ca:opened', '1'), ('//ca:statistics/ca:clicked', '0'),
          ('//ca:statistics/ca:responded', '2'), ('//ca:statistics/ca:converted', '1'), ('//ca:statistics/ca:respondedOrConverted', '2'),
          ('//ca:statistics/ca:responseRate', '0.666667'), ('//ca:statistics/ca:conversionRate', '0.333333'),
          ('//ca:statistics/ca:totalRevenue', '100.5001'), ('//ca:statistics/ca:actualCost', '30.0000'),
          ('//ca:statistics/ca:costPerConversion', '30.0000'), ('//ca:statistics/ca:roi', '2.350003'), ('//ca:statistics/ca:currency', 'EUR')), wss='clientele-readonly')

    c = new('getCampaignStatistics - NOT_FOUND: unknown campaign')
    c.req('Statistics of an unknown campaign', 'getCampaignStatistics', statistics(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-readonly')

    c = new('Security - no Security header is refused')
    c.req('Get without WS-Security', 'getCampaigns', get_campaigns(MAXID), secfault(K), wss='')
    return cases


def campaign12_cases(K=M12):
    """The SOAP 1.2 cases; with an X.509 interface, the same calls signed and encrypted (see x509())."""
    cases = []

    def new(name):
        c = Case(K, name)
        cases.append(c)
        return c

    c = new('SOAP 1.2 - every operation in one campaign lifecycle').seed()
    c.req('Create customer', 'createCustomers', create(('m', data('SoapUI12 %s member' % RUN))), ok(I12, (r(1, 'success'), 'true')), iface=I12)
    c.transfer('Transfer customer id', ('customerId', 'Create customer', r(1, 'id')))
    c.req('createCampaigns', 'createCampaigns', create_campaigns(('c', campaign_data('SoapUI12 %s campaign' % RUN, cost='10'))), ok(K, (mr(1, 'version'), '0')), wss='clientele-marketing')
    c.transfer('Transfer campaign id', ('campaignId', 'createCampaigns', mr(1, 'id')))
    c.req('updateCampaigns', 'updateCampaigns', update_campaigns(('u', tc('campaignId'), 0, campaign_data('SoapUI12 %s campaign' % RUN, status='ACTIVE', cost='10'))),
          ok(K, (mr(1, 'version'), '1')), wss='clientele-marketing')
    c.req('getCampaigns', 'getCampaigns', get_campaigns(tc('campaignId')), ok(K, ('//ca:campaign/ca:data/ca:status', 'ACTIVE')), wss='clientele-readonly')
    c.req('findCampaigns', 'findCampaigns', find_campaigns(name='SoapUI12 %s' % RUN), ok(K, ('count(//ca:findCampaignsResponse/ca:campaign)', '1')), wss='clientele-readonly')
    c.req('addCampaignMembers', 'addCampaignMembers', members('addCampaignMembers', ('m', tc('campaignId'), tc('customerId'), None)), ok(K, (mr(1, 'created'), 'true')), wss='clientele-marketing')
    c.req('recordCampaignResponses', 'recordCampaignResponses', responses(('s', tc('campaignId'), tc('customerId'), 'SENT', None),
          ('v', tc('campaignId'), tc('customerId'), 'CONVERTED', '25')), ok(K, ('count(//ca:result[c:success=\'true\'])', '2')), wss='clientele')
    c.req('getCampaignStatistics', 'getCampaignStatistics', statistics(tc('campaignId')), ok(K, ('//ca:statistics/ca:conversionRate', '1.000000'),
          ('//ca:statistics/ca:roi', '1.500000'), ('//ca:statistics/ca:costPerConversion', '10.0000')), wss='clientele-readonly')
    c.req('removeCampaignMembers', 'removeCampaignMembers', members('removeCampaignMembers', ('m', tc('campaignId'), tc('customerId'), None)), ok(K, (mr(1, 'success'), 'true')), wss='clientele-marketing')

    new('createCampaigns - NOT_AUTHORIZED over SOAP 1.2').req('Create as crm-readonly', 'createCampaigns', create_campaigns(('c', campaign_data('SoapUI12 ro'))), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('updateCampaigns - VALIDATION over SOAP 1.2 (schema)').req('Update with a negative cost', 'updateCampaigns', update_campaigns(('u', MAXID, None, campaign_data('SoapUI12', cost='-1'))), crmfault(K, 'VALIDATION'), wss='clientele-marketing')
    new('getCampaigns - NOT_AUTHORIZED over SOAP 1.2').req('Get as crm-agent', 'getCampaigns', get_campaigns(MAXID), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-agent')
    new('findCampaigns - VALIDATION over SOAP 1.2 (tampered token)').req('Find with a forged token', 'findCampaigns', find_campaigns(name='SoapUI12', token='forged-page-token'), crmfault(K, 'VALIDATION'), wss='clientele-readonly')
    new('addCampaignMembers - LIMIT_EXCEEDED over SOAP 1.2').req('Add 201 members', 'addCampaignMembers', members('addCampaignMembers', *[(None, MAXID, MAXID, None)] * LIMIT), crmfault(K, 'LIMIT_EXCEEDED'), wss='clientele-marketing')
    new('removeCampaignMembers - NOT_AUTHORIZED over SOAP 1.2').req('Remove as crm-readonly', 'removeCampaignMembers', members('removeCampaignMembers', ('m', MAXID, MAXID, None)), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-readonly')
    new('recordCampaignResponses - NOT_AUTHORIZED over SOAP 1.2').req('Record as crm-agent', 'recordCampaignResponses', responses(('r', MAXID, MAXID, 'SENT', None)), crmfault(K, 'NOT_AUTHORIZED'), wss='clientele-agent')
    new('getCampaignStatistics - NOT_FOUND over SOAP 1.2').req('Statistics of an unknown campaign', 'getCampaignStatistics', statistics(MAXID), crmfault(K, 'NOT_FOUND'), wss='clientele-readonly')
    if K in X509:
        return x509(cases)
    return cases


# ------------------------------------------------------------------ project
# ------------------------------------------------------------------ SubscriptionService (SOAP 1.1 and 1.2)
# Administered as crm-admin ('clientele-admin'). The listener address of these cases is a port nothing listens on: the
# cases check the administration; deliveries to it fail (and are retried) until the case deletes the subscription.

LISTENER = 'http://127.0.0.1:9/soapui-listener'


def subscription_data(name, url=LISTENER, types=(), batch=None, user=None, password=None, ptype=None):
    x = '<su:name>%s</su:name><su:listenerUrl>%s</su:listenerUrl>' % (name, escape(url))
    x += ''.join('<su:entityType>%s</su:entityType>' % t for t in types)
    if batch is not None:
        x += '<su:batchSize>%s</su:batchSize>' % batch
    if user is not None:
        x += '<su:username>%s</su:username>' % user
    if password is not None:
        x += '<su:password>%s</su:password>' % password
    if ptype is not None:
        x += '<su:passwordType>%s</su:passwordType>' % ptype
    return x


def create_subscription(data_, cursor=None):
    return ('      <su:createSubscription><su:subscription>%s</su:subscription>%s</su:createSubscription>'
            % (data_, '' if cursor is None else '<su:startCursor>%s</su:startCursor>' % cursor))


def subscription_ref(op, id_, ver=None):
    return '      <su:%s><su:id>%s</su:id>%s</su:%s>' % (op, id_, '' if ver is None else '<su:expectedVersion>%s</su:expectedVersion>' % ver, op)


def subscription_cases(U):
    v = '1.2' if IFACES[U]['ver'] == '1_2' else '1.1'
    cases = []
    a = Case(U, 'Subscriptions - happy path over SOAP %s: create, list, pause, resume, delete' % v).seed()
    a.req('createSubscription', 'createSubscription',
          create_subscription(subscription_data('SoapUI %s subscription' % RUN, types=('CUSTOMER', 'CASE'), batch='50',
                                                user='erp-listener', password='listener-Secret-1')),
          ok(U, ('//su:subscription/su:status', 'ACTIVE'), ('//su:subscription/su:batchSize', '50'),
             ('//su:subscription/su:username', 'erp-listener'), ('//su:subscription/su:passwordType', 'PasswordDigest'),
             ('count(//su:subscription/su:password)', '0'), ('count(//su:subscription/su:entityType)', '2'),
             ('//su:subscription/su:createdBy', '${#Project#adminUsername}')), wss='clientele-admin')
    a.transfer('Transfer id and version', ('subscriptionId', 'createSubscription', '//su:subscription/su:id'),
               ('subscriptionVersion', 'createSubscription', '//su:subscription/su:version'))
    a.req('listSubscriptions', 'listSubscriptions', '      <su:listSubscriptions/>',
          ok(U, ('count(//su:subscription[su:id=%s])' % tc('subscriptionId'), '1'),
             ('//su:subscription[su:id=%s]/su:name' % tc('subscriptionId'), 'SoapUI %s subscription' % RUN)), wss='clientele-admin')
    a.req('pauseSubscription', 'pauseSubscription', subscription_ref('pauseSubscription', tc('subscriptionId'), tc('subscriptionVersion')),
          ok(U, ('//su:subscription/su:status', 'PAUSED'), ('count(//su:subscription/su:nextAttemptAt)', '0')), wss='clientele-admin')
    a.req('resumeSubscription', 'resumeSubscription', subscription_ref('resumeSubscription', tc('subscriptionId')),
          ok(U, ('//su:subscription/su:status', 'ACTIVE'), ('//su:subscription/su:consecutiveFailures', '0')), wss='clientele-admin')
    a.req('deleteSubscription', 'deleteSubscription', subscription_ref('deleteSubscription', tc('subscriptionId')),
          ok(U, ('//su:deleteSubscriptionResponse/su:id', tc('subscriptionId'))), wss='clientele-admin')
    a.req('listSubscriptions after the delete', 'listSubscriptions', '      <su:listSubscriptions/>',
          ok(U, ('count(//su:subscription[su:id=%s])' % tc('subscriptionId'), '0')), wss='clientele-admin')
    cases.append(a)
    b = Case(U, 'createSubscription - VALIDATION over SOAP %s: a user name without password' % v)
    b.req('Create with a user name only', 'createSubscription', create_subscription(subscription_data('SoapUI no password', user='erp')),
          crmfault(U, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'password')), wss='clientele-admin')
    cases.append(b)
    c = Case(U, 'createSubscription - VALIDATION over SOAP %s: PasswordText to an http listener' % v)
    c.req('Create with PasswordText over http', 'createSubscription',
          create_subscription(subscription_data('SoapUI text', user='erp', password='secret-1', ptype='PasswordText')),
          crmfault(U, 'VALIDATION', ('//soap:Fault//c:CrmFault/c:field', 'passwordType')), wss='clientele-admin')
    cases.append(c)
    d = Case(U, 'createSubscription - VALIDATION over SOAP %s: schema violation (ftp listener)' % v)
    d.req('Create with an ftp URL', 'createSubscription', create_subscription(subscription_data('SoapUI ftp', url='ftp://example.com/l')),
          crmfault(U, 'VALIDATION'), wss='clientele-admin')
    cases.append(d)
    e = Case(U, 'listSubscriptions - NOT_AUTHORIZED over SOAP %s: crm-integration may not administer subscriptions' % v)
    e.req('List as crm-integration', 'listSubscriptions', '      <su:listSubscriptions/>', crmfault(U, 'NOT_AUTHORIZED'), wss='clientele')
    cases.append(e)
    for op in ('pauseSubscription', 'resumeSubscription', 'deleteSubscription'):
        f = Case(U, '%s - NOT_FOUND over SOAP %s: unknown subscription' % (op, v))
        f.req('%s of an unknown subscription' % op, op, subscription_ref(op, MAXID), crmfault(U, 'NOT_FOUND'), wss='clientele-admin')
        cases.append(f)
    g = Case(U, 'Security - no Security header is refused over SOAP %s' % v)
    g.req('listSubscriptions without WS-Security', 'listSubscriptions', '      <su:listSubscriptions/>', secfault(U), wss='')
    cases.append(g)
    return cases


def interface_xml(name):
    d = IFACES[name]
    ops = OPS[d['ns']]
    service = d['path'].rsplit('/', 1)[1]
    root = 'http://127.0.0.1:8080/clientele/%s?wsdl' % service
    abstract = urljoin(root, d['abstract'])
    parts = [(root, d['wsdl'], 'http://schemas.xmlsoap.org/wsdl/'), (abstract, d['abstract'], 'http://schemas.xmlsoap.org/wsdl/')]
    for x in d['xsds']:
        parts.append((urljoin(abstract, '../xsd/' + x), '../xsd/' + x, 'http://www.w3.org/2001/XMLSchema'))
    cache = ''
    for url, f, t in parts:
        content = open(os.path.join(ROOT, 'wsdl', f), encoding='utf-8').read()
        if content.startswith('<?xml'):
            content = content[content.index('?>') + 2:].lstrip()
        cache += '<con:part><con:url>%s</con:url><con:content>%s</con:content><con:type>%s</con:type></con:part>' % (escape(url), cdata(content), t)
    binding = '{%s}%s' % (d['ns'], name)
    xml = ('<con:interface xsi:type="con:WsdlInterface" id="%s" wsaVersion="NONE" name="%s" type="wsdl" bindingName="%s" soapVersion="%s" anonymous="optional" definition="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
           '<con:settings/><con:definitionCache type="TEXT" rootPart="%s">%s</con:definitionCache>'
           '<con:endpoints><con:endpoint>${#Project#endpoint}%s</con:endpoint></con:endpoints>'
           % (uid(), name, binding, d['ver'], escape(root), escape(root), cache, d['path']))
    action_prefix = ACTIONS[d['ns']]
    for op in ops:
        xml += ('<con:operation id="%s" isOneWay="false" action="%s%s" name="%s" bindingOperationName="%s" type="Request-Response" inputName="" receivesAttachments="false" sendsAttachments="false" anonymous="optional"><con:settings/></con:operation>'
                % (uid(), action_prefix, op, op, op))
    return xml + '</con:interface>'


def suite_xml(name, cases):
    return ('<con:testSuite id="%s" name="%s"><con:settings/><con:runType>SEQUENTIAL</con:runType>\n%s\n<con:properties/></con:testSuite>'
            % (uid(), name, '\n'.join(c.xml() for c in cases)))


def wss(name, user, password, timestamp=True):
    s = ('<con:outgoing><con:name>%s</con:name><con:entry type="Username" username="%s" password="%s"><con:configuration>'
         '<addCreated>true</addCreated><addNonce>true</addNonce><passwordType>PasswordDigest</passwordType></con:configuration></con:entry>' % (name, user, password))
    if timestamp:
        s += '<con:entry type="Timestamp"><con:configuration><timeToLive>300</timeToLive><strictTimestamp>true</strictTimestamp></con:configuration></con:entry>'
    return s + '</con:outgoing>'


# ------------------------------------------------------------------ X.509 WS-Security (keystore based)
# TEST-ONLY key stores that src/test/x509/setup-test-x509.sh generates into target/x509-test (password "test-only"):
# client-<role>.jks (alias "client", bound to the API user x509-<role>) and server-trust.jks (the test server's
# certificate, alias "server"). Paths are relative to the project file (resourceRoot ${projectDir}) through the project
# property x509Dir. Entries name a key store by the file name of its source, as SoapUI does.
X509_PASSWORD = 'test-only'
WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd'


def crypto(store, type_):
    return ('<con:crypto><con:source>${#Project#x509Dir}/%s</con:source><con:password>%s</con:password><con:type>%s</con:type></con:crypto>'
            % (store, X509_PASSWORD, type_))


def wss_part(name, namespace, enc):
    """One row of a Signature or Encryption entry's Parts table, stored as SoapUI stores it (an XMLBeans map)."""
    return cdata('<xml-fragment>\n  <con:entry key="id" value=""/>\n  <con:entry key="name" value="%s"/>\n  <con:entry key="enc" value="%s"/>\n'
                 '  <con:entry key="namespace" value="%s"/>\n</xml-fragment>' % (name, enc, namespace))


def x509_outgoing(name, store, encrypt=True):
    """Timestamp, then the Timestamp and Body signed (RSA-SHA256, SHA-256 digests, the client certificate as a
    BinarySecurityToken), then the Body's content encrypted for the server certificate (RSA-OAEP, AES-256-CBC): what the
    X.509 ports' Basic256Sha256 AsymmetricBinding asks of a caller."""
    s = ('<con:outgoing><con:name>%s</con:name>'
         '<con:entry type="Timestamp"><con:configuration><timeToLive>300</timeToLive><strictTimestamp>true</strictTimestamp></con:configuration></con:entry>'
         '<con:entry type="Signature" username="client" password="%s"><con:configuration><crypto>%s</crypto><keyIdentifierType>1</keyIdentifierType>'
         '<signatureAlgorithm>http://www.w3.org/2001/04/xmldsig-more#rsa-sha256</signatureAlgorithm><signatureCanonicalization/>'
         '<useSingleCert>true</useSingleCert><digestAlgorithm>http://www.w3.org/2001/04/xmlenc#sha256</digestAlgorithm>'
         '<signaturePart>%s</signaturePart><signaturePart>%s</signaturePart></con:configuration></con:entry>'
         % (name, X509_PASSWORD, store, wss_part('Timestamp', WSU, 'Element'), wss_part('Body', SOAP11, 'Element')))
    if encrypt:
        s += ('<con:entry type="Encryption" username="server"><con:configuration><crypto>server-trust.jks</crypto><keyIdentifierType>2</keyIdentifierType>'
              '<symmetricEncAlgorithm>http://www.w3.org/2001/04/xmlenc#aes256-cbc</symmetricEncAlgorithm>'
              '<encKeyTransport>http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p</encKeyTransport><embeddedKeyName/><embeddedKeyPassword/>'
              '<encryptionCanonicalization/><encryptSymmetricKey>true</encryptSymmetricKey><encryptionPart>%s</encryptionPart>'
              '</con:configuration></con:entry>' % wss_part('Body', SOAP11, 'Content'))
    return s + '</con:outgoing>'


def x509_incoming(name, store):
    """Responses: decrypted with the client's key, signature (and timestamp) verified against the server certificate."""
    return ('<con:incoming><con:name>%s</con:name><con:decryptCrypto>%s</con:decryptCrypto><con:signatureCrypto>server-trust.jks</con:signatureCrypto>'
            '<con:decryptPassword>%s</con:decryptPassword></con:incoming>' % (name, store, X509_PASSWORD))


def x509_security_cases():
    """What the X.509 policy refuses besides a plain request: a body that is signed but not encrypted, and a request
    signed with a certificate the server does not trust."""
    a = Case(IX, 'Security - a signed but unencrypted request is refused')
    # refused by the WS-SecurityPolicy check, which names the assertion the request does not meet
    a.req('getCustomers signed, not encrypted', 'getCustomers', get(ids=[MAXID]),
          secfault(IX, 'These policy alternatives can not be satisfied:*EncryptedParts: Soap Body is not ENCRYPTED'), wss='')
    a.steps[-1] = a.steps[-1].replace('outgoingWss=""', 'outgoingWss="x509-integration-sign-only"')
    b = Case(IX, 'Security - a request signed with an untrusted certificate is refused')
    b.req('getCustomers signed by an untrusted key', 'getCustomers', get(ids=[MAXID]), secfault(IX), wss='')
    b.steps[-1] = b.steps[-1].replace('outgoingWss=""', 'outgoingWss="x509-untrusted"')
    return [a, b]


def prop(n, v):
    return '<con:property><con:name>%s</con:name><con:value>%s</con:value></con:property>' % (n, v)


def project():
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- Clientele SoapUI project (SoapUI 5.x). Run in every build by org.clientele.it.SoapUiProjectIT; see README "SoapUI project". -->',
           '<con:soapui-project id="%s" activeEnvironment="Default" name="Clientele" resourceRoot="${projectDir}" soapui-version="5.7.2" abortOnError="false" runType="SEQUENTIAL" xmlns:con="http://eviware.com/soapui/config">' % uid(),
           '<con:description>Clientele CRM SOAP API: every operation of every WSDL binding, its happy path and its faults. Point it at a server with the project property endpoint (testrunner.sh -Pendpoint=http://host:8080).</con:description>',
           '<con:settings/>']
    # Case and campaign parts are generated after the others, so adding them left the generated ids of the others unchanged.
    ifaces = [interface_xml(i) for i in (I11, I12, S11, S12, Y11, Y12)]
    suites = [suite_xml('CustomerService', customer_cases(I11)), suite_xml('CustomerService12', customer12_cases()),
              suite_xml('SyncService', sync_cases(Y11)), suite_xml('SyncService12', sync_cases(Y12)),
              suite_xml('StatusService', status_cases(S11)), suite_xml('StatusService12', status_cases(S12))]
    ifaces += [interface_xml(i) for i in (K11, K12)]
    suites += [suite_xml('CaseService', case_cases(K11)), suite_xml('CaseService12', case12_cases())]
    ifaces += [interface_xml(i) for i in (M11, M12)]
    suites += [suite_xml('CampaignService', campaign_cases(M11)), suite_xml('CampaignService12', campaign12_cases())]
    # X.509 sign + encrypt: the SOAP 1.2 lifecycles and fault cases again, signed and encrypted per role
    ifaces += [interface_xml(i) for i in (IX, KX, MX, YX)]
    suites += [suite_xml('CustomerServiceX509', customer12_cases(IX) + x509_security_cases()), suite_xml('CaseServiceX509', case12_cases(KX)),
               suite_xml('CampaignServiceX509', campaign12_cases(MX)), suite_xml('SyncServiceX509', sync_cases(YX))]
    ifaces += [interface_xml(i) for i in (U11, U12)]
    suites += [suite_xml('SubscriptionService', subscription_cases(U11)), suite_xml('SubscriptionService12', subscription_cases(U12))]
    out.extend(ifaces)
    out.extend(suites)
    out.append('<con:properties>%s</con:properties>' % ''.join([
        prop('endpoint', 'http://127.0.0.1:8080'), prop('username', 'it-integration'), prop('password', 'it-Secret-2026'),
        prop('readonlyUsername', 'it-readonly'), prop('readonlyPassword', 'it-Secret-2026'),
        prop('agentUsername', 'it-agent'), prop('agentPassword', 'it-Secret-2026'),
        prop('marketingUsername', 'it-marketing'), prop('marketingPassword', 'it-Secret-2026'),
        prop('adminUsername', 'it-admin'), prop('adminPassword', 'it-Secret-2026'),
        prop('x509Dir', '../../../target/x509-test')]))
    roles = ('integration', 'readonly', 'agent', 'marketing')
    out.append('<con:wssContainer>%s</con:wssContainer>' % ''.join(
        [crypto('client-%s.jks' % r, 'KEYSTORE') for r in roles + ('untrusted',)] + [crypto('server-trust.jks', 'TRUSTSTORE')]
        + [x509_incoming('x509-%s-response' % r, 'client-%s.jks' % r) for r in roles] + [
        wss('clientele', '${#Project#username}', '${#Project#password}'),
        wss('clientele-readonly', '${#Project#readonlyUsername}', '${#Project#readonlyPassword}'),
        wss('clientele-agent', '${#Project#agentUsername}', '${#Project#agentPassword}'),
        wss('clientele-marketing', '${#Project#marketingUsername}', '${#Project#marketingPassword}'),
        wss('clientele-admin', '${#Project#adminUsername}', '${#Project#adminPassword}'),
        wss('wrong-password', '${#Project#username}', '${#Project#password}-wrong'),
        wss('unknown-user', 'soapui-no-such-user', '${#Project#password}'),
        wss('no-timestamp', '${#Project#username}', '${#Project#password}', timestamp=False)]
        + [x509_outgoing('x509-%s' % r, 'client-%s.jks' % r) for r in roles]
        + [x509_outgoing('x509-integration-sign-only', 'client-integration.jks', encrypt=False),
           x509_outgoing('x509-untrusted', 'client-untrusted.jks')]))
    out.append('<con:oAuth2ProfileContainer/><con:oAuth1ProfileContainer/><con:sensitiveInformation/></con:soapui-project>')
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


project()
