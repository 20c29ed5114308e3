package org.clientele.cli;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.OutputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.UpsertCustomers;
import org.xml.sax.SAXException;

/**
 * Checks one upsert item against the contract's own schema (xsd/customer.xsd, bundled with the tool) before it is
 * sent: the server validates every request against the same schema and refuses a whole batch for one bad item, so
 * bad rows are set aside here, each error named by its flat field ({@code email}, {@code contact.phone}, ...).
 * Not thread-safe (one JAXB marshaller).
 */
public final class RowValidator {
    private static final Pattern ELEMENT = Pattern.compile("of element '(?:[\\w-]+:)?([\\w.]+)' is not valid");
    private static final Pattern EXPECTED = Pattern.compile("One of '\\{\"[^\"]*\":(\\w+)[,}]");
    private static final Pattern CODE = Pattern.compile("^cvc-[\\w.-]+: ");

    /** One schema error of an item: the flat field it concerns (null when unknown) and the validator's message. */
    public record Violation(String field, String message) {
    }

    private final Marshaller marshaller;
    private final List<ValidationEvent> events = new ArrayList<>();

    public RowValidator() {
        try {
            URL xsd = RowValidator.class.getResource("xsd/customer.xsd");
            if (xsd == null) {
                throw new IllegalStateException("the contract's schema org/clientele/cli/xsd/customer.xsd is not on the classpath");
            }
            Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
            marshaller = JAXBContext.newInstance(UpsertCustomers.class).createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setEventHandler(event -> events.add(event));
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("cannot load the contract's schema: " + e.getMessage(), e);
        }
    }

    /**
     * The item's schema errors, one per field, in document order; empty when the item is valid. The field is a flat
     * field name of {@link CustomerFields}, or "key" for the item's external key.
     */
    public List<Violation> validate(CustomerUpsert item) {
        UpsertCustomers request = new UpsertCustomers();
        request.getCustomer().add(item);
        events.clear();
        try {
            marshaller.marshal(request, OutputStream.nullOutputStream());
        } catch (JAXBException e) {
            if (events.isEmpty()) {
                return List.of(new Violation(null, String.valueOf(e.getMessage())));
            }
        }
        // Xerces reports a facet error ("Value 'x' is not facet-valid ...") and then the element it concerns
        // ("The value 'x' of element 'email' is not valid"): keep the first message per field.
        Map<String, String> byField = new LinkedHashMap<>();
        String pending = null;
        for (ValidationEvent event : events) {
            String message = CODE.matcher(String.valueOf(event.getMessage())).replaceFirst("");
            // a missing element: "... One of '{"ns":name}' is expected."; a bad value: "... of element 'email' is not valid."
            String element = first(EXPECTED, message);
            if (element != null) {
                // the generated types always write elements in schema order, so this means a required value is empty
                message = "required, but empty";
            } else {
                element = first(ELEMENT, message);
            }
            if (element == null) {
                if (pending == null) {
                    pending = message;
                }
                continue;
            }
            Object owner = event.getLocator() == null ? null : event.getLocator().getObject();
            String field = owner != null && owner == item.getKey() ? "key" : field(owner, element);
            byField.putIfAbsent(field, pending != null ? pending : message);
            pending = null;
        }
        if (pending != null) {
            byField.putIfAbsent(null, pending);
        }
        List<Violation> violations = new ArrayList<>();
        byField.forEach((field, message) -> violations.add(new Violation(field, message)));
        return violations;
    }

    private static String field(Object owner, String element) {
        if (owner instanceof Address) {
            return "address." + element;
        }
        if (owner instanceof Contact) {
            return "contact." + element;
        }
        if (owner instanceof ExternalKey) {
            return "externalKeys";
        }
        if ("externalKey".equals(element)) {
            return "externalKeys";
        }
        return element;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
