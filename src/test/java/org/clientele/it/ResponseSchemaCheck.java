package org.clientele.it;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks every response a test client receives against the contract's schemas ({@code xsd/*.xsd}): the server
 * validates requests only (responses are written by JAXB from the contract's generated types, and validating them
 * again cost every call a second schema validator), so the integration tests are where a response that breaks the
 * contract is caught. A response that breaks it fails the call with the schema's message. Responses carrying MTOM
 * attachments are left out (their streams can be read once, by the test).
 */
public final class ResponseSchemaCheck extends AbstractPhaseInterceptor<Message> {
    /** The contract's schemas, read once from the project's {@code xsd/} folder. */
    static final Schema SCHEMA = contract(Path.of(System.getProperty("clientele.xsd.dir", "xsd")));
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();
    static final ResponseSchemaCheck INSTANCE = new ResponseSchemaCheck();

    private ResponseSchemaCheck() {
        super(Phase.POST_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        List<?> parts = message.getContent(List.class);
        if (parts == null || (message.getAttachments() != null && !message.getAttachments().isEmpty())) {
            // a response with MTOM attachments is left out: marshalling it would read the attachments' streams,
            // which the test itself reads (once) to check their bytes
            return;
        }
        for (Object part : parts) {
            if (part != null && part.getClass().isAnnotationPresent(XmlRootElement.class)) {
                try {
                    check(part);
                } catch (JAXBException e) {
                    throw new Fault(new IllegalStateException("the response breaks the contract's schema: "
                            + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e));
                }
            }
        }
    }

    /** Marshals the response element with the contract's schema set: a violation throws. */
    static void check(Object element) throws JAXBException {
        Marshaller marshaller = CONTEXTS.computeIfAbsent(element.getClass(), ResponseSchemaCheck::context).createMarshaller();
        marshaller.setSchema(SCHEMA);
        marshaller.marshal(element, new DefaultHandler());
    }

    private static JAXBContext context(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB context for " + type.getName(), e);
        }
    }

    private static Schema contract(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Source[] sources = files.filter(p -> p.toString().endsWith(".xsd")).sorted()
                    .map(p -> new StreamSource(p.toUri().toString())).toArray(Source[]::new);
            if (sources.length == 0) {
                throw new IllegalStateException("no contract schemas in " + dir.toAbsolutePath());
            }
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the contract's schemas do not compile: " + e.getMessage(), e);
        }
    }
}
