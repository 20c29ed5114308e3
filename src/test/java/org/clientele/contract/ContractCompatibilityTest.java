package org.clientele.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clientele.contract.ContractCompatibility.Finding;
import org.clientele.contract.ContractCompatibility.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fixture pairs for every kind of change: the released fixture contract (src/test/resources/contract-fixtures/base)
 * against a copy changed in one way; breaking changes must be found and named, compatible ones reported only.
 */
class ContractCompatibilityTest {

    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path FIXTURE = BASE.resolve("src/test/resources/contract-fixtures/base");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            removed operation      | wsdl/ShopService.wsdl | <wsdl:operation name="getOrder">                | <wsdl:operation name="fetchOrder">                                   | operation getOrder removed or renamed
            removed element        | xsd/shop.xsd          | <xs:element name="note" type="xs:string" minOccurs="0"/> | ``                                                          | OrderLine/note: element note removed or renamed
            renamed element        | xsd/shop.xsd          | name="quantity"                                 | name="qty"                                                           | OrderLine/quantity: element quantity removed or renamed
            renamed type           | xsd/shop.xsd          | OrderLine                                       | Line                                                                 | type OrderLine removed or renamed
            removed global element | xsd/shop.xsd          | name="getOrderResponse"                         | name="getOrderReply"                                                 | element getOrderResponse removed or renamed
            removed enum value     | xsd/shop.xsd          | <xs:enumeration value="CANCELLED"/>             | ``                                                                   | enumeration value CANCELLED removed
            renamed enum value     | xsd/shop.xsd          | value="SHIPPED"                                 | value="DISPATCHED"                                                   | enumeration value SHIPPED removed or renamed
            element made required  | xsd/shop.xsd          | type="xs:string" minOccurs="0"                  | type="xs:string"                                                     | OrderLine/note: element note made required
            maxOccurs narrowed     | xsd/shop.xsd          | maxOccurs="unbounded"                           | maxOccurs="10"                                                       | getOrderResponse/line: element line narrowed
            length narrowed        | xsd/shop.xsd          | <xs:maxLength value="200"/>                     | <xs:maxLength value="100"/>                                          | Sku: narrowed: maxLength 200 -> 100
            minLength raised       | xsd/shop.xsd          | <xs:minLength value="1"/>                       | <xs:minLength value="3"/>                                            | Sku: narrowed: minLength 1 -> 3
            pattern added          | xsd/shop.xsd          | <xs:maxLength value="200"/>                     | <xs:maxLength value="200"/><xs:pattern value="[A-Z0-9]+"/>           | Sku: pattern narrowed or changed
            type narrowed          | xsd/shop.xsd          | name="quantity" type="xs:int"                   | name="quantity" type="xs:short"                                      | OrderLine/quantity: type changed from xs:int to xs:short
            new required element   | xsd/shop.xsd          | <xs:element name="id" type="xs:long"/>          | <xs:element name="id" type="xs:long"/><xs:element name="shop" type="xs:string"/> | getOrder/shop: new required element shop
            optional inserted      | xsd/shop.xsd          | <xs:element name="quantity" type="xs:int"/>     | <xs:element name="colour" type="xs:string" minOccurs="0"/><xs:element name="quantity" type="xs:int"/> | new optional element colour inserted before existing elements
            reordered elements     | xsd/shop.xsd          | <xs:element name="sku" type="s:Sku"/>\\n            <xs:element name="quantity" type="xs:int"/> | <xs:element name="quantity" type="xs:int"/><xs:element name="sku" type="s:Sku"/> | order of elements changed
            schema namespace       | xsd/shop.xsd          | targetNamespace="urn:example:shop:v1"           | targetNamespace="urn:example:shop:v2"                                | xsd/shop.xsd: namespace changed from urn:example:shop:v1 to urn:example:shop:v2
            wsdl namespace         | wsdl/ShopService.wsdl | targetNamespace="urn:example:shop:v1"           | targetNamespace="urn:example:shop:v2"                                | wsdl/ShopService.wsdl: namespace changed
            SOAPAction changed     | wsdl/ShopService.wsdl | soapAction="urn:example:shop:getOrder"          | soapAction="urn:example:shop:v2:getOrder"                            | SOAPAction changed from "urn:example:shop:getOrder" to "urn:example:shop:v2:getOrder"
            binding style changed  | wsdl/ShopService.wsdl | <soap:binding style="document"                  | <soap:binding style="rpc"                                            | binding style changed from document to rpc
            operation style        | wsdl/ShopService.wsdl | style="document"/>                              | style="rpc"/>                                                        | operation style changed from document to rpc
            address changed        | wsdl/ShopService.wsdl | /shop/ShopService"                              | /shop/Shop"                                                          | address changed from /shop/ShopService to /shop/Shop
            service renamed        | wsdl/ShopService.wsdl | <wsdl:service name="ShopService">               | <wsdl:service name="Shop">                                           | service ShopService removed or renamed
            input element changed  | wsdl/ShopService.wsdl | element="s:getOrder"/>                          | element="s:getOrderResponse"/>                                       | input changed
            """)
    void breakingChangesFailAndNameTheComponent(String kind, String file, String from, String to, String expected) throws Exception {
        List<Finding> findings = compareWith(file, from.replace("\\n", "\n"), to);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == Kind.BREAKING && f.toString().contains(expected)),
                kind + ": expected a breaking change containing '" + expected + "', found " + findings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            new optional element at the end | xsd/shop.xsd | <xs:element name="note" type="xs:string" minOccurs="0"/> | <xs:element name="note" type="xs:string" minOccurs="0"/><xs:element name="gift" type="xs:boolean" minOccurs="0"/> | OrderLine/gift: new optional element gift at the end
            new enum value in a response    | xsd/shop.xsd | <xs:enumeration value="CANCELLED"/>  | <xs:enumeration value="CANCELLED"/><xs:enumeration value="RETURNED"/> | new enumeration value RETURNED
            relaxed length                  | xsd/shop.xsd | <xs:maxLength value="200"/>          | <xs:maxLength value="400"/>                                        | Sku: relaxed: maxLength 200 -> 400
            element made optional           | xsd/shop.xsd | name="quantity" type="xs:int"        | name="quantity" type="xs:int" minOccurs="0"                        | minOccurs relaxed 1 -> 0
            new global element              | xsd/shop.xsd | </xs:schema>                          | <xs:element name="ping" type="xs:string"/></xs:schema>             | ping: new element
            """)
    void compatibleChangesPassWithAReport(String kind, String file, String from, String to, String expected) throws Exception {
        List<Finding> findings = compareWith(file, from, to);
        assertEquals(List.of(), findings.stream().filter(f -> f.kind() == Kind.BREAKING).toList(), kind);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == Kind.COMPATIBLE && f.toString().contains(expected)),
                kind + ": expected a compatible change containing '" + expected + "', found " + findings);
    }

    @Test
    void aNewOperationIsCompatible() throws Exception {
        Path old = copy(FIXTURE, dir.resolve("old"));
        Path now = copy(FIXTURE, dir.resolve("new"));
        Path wsdl = now.resolve("wsdl/ShopService.wsdl");
        String text = Files.readString(wsdl, StandardCharsets.UTF_8);
        text = text.replace("</wsdl:portType>", """
                    <wsdl:operation name="cancelOrder"><wsdl:input message="s:getOrderRequest"/><wsdl:output message="s:getOrderResponse"/></wsdl:operation>
                </wsdl:portType>""");
        text = text.replace("</wsdl:binding>", """
                    <wsdl:operation name="cancelOrder"><soap:operation soapAction="urn:example:shop:cancelOrder" style="document"/>
                        <wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
                </wsdl:binding>""");
        Files.writeString(wsdl, text, StandardCharsets.UTF_8);
        List<Finding> findings = ContractCompatibility.compare(ContractModel.load(old), ContractModel.load(now));
        assertEquals(List.of(), findings.stream().filter(f -> f.kind() == Kind.BREAKING).toList());
        assertTrue(findings.stream().anyMatch(f -> f.toString().contains("new operation cancelOrder")), findings.toString());
    }

    @Test
    void anUnchangedContractHasNoFindings() throws Exception {
        Path old = copy(FIXTURE, dir.resolve("old"));
        Path now = copy(FIXTURE, dir.resolve("new"));
        assertEquals(List.of(), ContractCompatibility.compare(ContractModel.load(old), ContractModel.load(now)));
    }

    @Test
    void aBreakingEditOfCustomerXsdFailsTheCheckNamingTheElement() throws Exception {
        Path baseline = BASE.resolve("src/contract-baseline/v1");
        Path now = dir.resolve("current");
        copy(BASE.resolve("wsdl"), now.resolve("wsdl"));
        copy(BASE.resolve("xsd"), now.resolve("xsd"));
        Path customer = now.resolve("xsd/customer.xsd");
        String text = Files.readString(customer, StandardCharsets.UTF_8);
        String segment = "<xs:element name=\"segment\"";
        assertTrue(text.contains(segment), "customer.xsd declares segment");
        Files.writeString(customer, text.replace(segment, "<xs:element name=\"marketSegment\""), StandardCharsets.UTF_8);

        Path report = dir.resolve("report.txt");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ContractCompatibilityCheck.main(
                new String[] {baseline.toString(), now.toString(), report.toString()}));
        assertTrue(failure.getMessage().contains("element segment removed or renamed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("xsd/customer.xsd CustomerData/segment"), failure.getMessage());
        assertTrue(Files.readString(report).contains("BREAKING"), "the report file lists the change");
    }

    @Test
    void theCurrentContractIsCompatibleWithTheReleasedBaseline() throws Exception {
        List<Finding> findings = ContractCompatibility.compare(ContractModel.load(BASE.resolve("src/contract-baseline/v1")),
                ContractModel.load(BASE));
        assertEquals(List.of(), findings.stream().filter(f -> f.kind() == Kind.BREAKING).toList());
    }

    private List<Finding> compareWith(String file, String from, String to) throws Exception {
        Path old = copy(FIXTURE, dir.resolve("old"));
        Path now = copy(FIXTURE, dir.resolve("new"));
        Path changed = now.resolve(file);
        String text = Files.readString(changed, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "fixture " + file + " contains " + from);
        Files.writeString(changed, text.replace(from, to), StandardCharsets.UTF_8);
        return ContractCompatibility.compare(ContractModel.load(old), ContractModel.load(now));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
