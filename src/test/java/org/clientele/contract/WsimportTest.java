package org.clientele.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the JAX-WS reference implementation's {@code wsimport} (Metro, the generator behind most Java EE servers'
 * clients) on every published WSDL, as a client developer would, and fails on any error or on a port it skips.
 *
 * <p>It runs in its own Surefire execution ({@code wsimport} in the pom) that adds {@code com.sun.xml.ws:jaxws-tools}
 * to the classpath, so the reference implementation never sits beside Apache CXF in the other tests.
 */
@Tag("wsimport")
class WsimportTest {

    /**
     * The concrete WSDLs the server publishes, and the listener contract subscribers implement (ChangeListener.wsdl:
     * an ERP generates its endpoint from it); each imports its abstract WSDL and the schemas.
     */
    static List<Path> publishedWsdls() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("wsdl"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".wsdl"))
                    // the published WSDLs are the concrete ones: abstract parts and Common.wsdl have no service
                    .filter(p -> !p.getFileName().toString().contains("Abstract"))
                    .filter(p -> !p.getFileName().toString().equals("Common.wsdl")).sorted().toList();
        }
    }

    @Test
    void everyPublishedWsdlImportsWithoutError() throws Exception {
        List<Path> wsdls = publishedWsdls();
        assertTrue(wsdls.size() >= 10, "SOAP 1.1 and 1.2 WSDL of every service: " + wsdls);
        List<String> failures = new ArrayList<>();
        for (Path wsdl : wsdls) {
            String name = wsdl.getFileName().toString().replace(".wsdl", "");
            Path out = Path.of("target", "wsimport", name);
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("-keep", "-Xnocompile", "-d", out.toString(),
                    "-p", "org.clientele.wsimport." + name.toLowerCase(java.util.Locale.ROOT)));
            if (name.endsWith("12")) {
                // the JAX-WS specification covers SOAP 1.1 only; SOAP 1.2 ports need the RI's -extension switch
                args.add("-extension");
            }
            args.add(wsdl.toAbsolutePath().toString());
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            boolean ok = wsimport(log, args);
            String text = log.toString(StandardCharsets.UTF_8);
            System.out.println("wsimport " + name + (ok ? " ok" : " FAILED") + "\n" + text);
            if (!ok || text.contains("[ERROR]") || text.contains("Ignoring")) {
                failures.add(name + ":\n" + text);
                continue;
            }
            try (Stream<Path> files = Files.walk(out)) {
                long services = files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> contains(p, "@WebServiceClient")).count();
                if (services != 1) {
                    failures.add(name + ": expected one generated service client, found " + services);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void wsimportReportsAKeywordElement() throws Exception {
        // proves the harness sees wsimport's refusal: an operation whose wrapper has a child named "case"
        Path dir = Path.of("target", "wsimport", "negative");
        Files.createDirectories(dir);
        Path wsdl = dir.resolve("Keyword.wsdl");
        Files.writeString(wsdl, """
                <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
                  <types><xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
                    <xs:element name="open"><xs:complexType><xs:sequence>
                      <xs:element name="case" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
                    <xs:element name="openResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
                  </xs:schema></types>
                  <message name="in"><part name="parameters" element="t:open"/></message>
                  <message name="out"><part name="parameters" element="t:openResponse"/></message>
                  <portType name="P"><operation name="open"><input message="t:in"/><output message="t:out"/></operation></portType>
                  <binding name="B" type="t:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
                    <operation name="open"><soap:operation soapAction="open"/><input><soap:body use="literal"/></input>
                    <output><soap:body use="literal"/></output></operation></binding>
                  <service name="S"><port name="Port" binding="t:B"><soap:address location="http://localhost/s"/></port></service>
                </definitions>
                """);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        boolean ok = wsimport(log, List.of("-Xnocompile", "-d", dir.toString(), wsdl.toAbsolutePath().toString()));
        String text = log.toString(StandardCharsets.UTF_8);
        assertFalse(ok, "wsimport accepted a wrapper child named case:\n" + text);
        assertTrue(text.contains("Invalid operation \"open\""), text);
    }

    private static boolean contains(Path p, String s) {
        try {
            return Files.readString(p).contains(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** com.sun.tools.ws.wscompile.WsimportTool(OutputStream).run(String[]), called reflectively (see the class doc). */
    private static boolean wsimport(OutputStream log, List<String> args) throws Exception {
        Class<?> tool = Class.forName("com.sun.tools.ws.wscompile.WsimportTool");
        Object instance = tool.getConstructor(OutputStream.class).newInstance(log);
        try {
            return (Boolean) tool.getMethod("run", String[].class).invoke(instance, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            if (e.getCause().getClass().getName().equals("com.sun.tools.ws.wscompile.AbortException")) {
                return false; // wsimport stops on a fatal error after printing it to the log
            }
            throw e;
        }
    }
}
