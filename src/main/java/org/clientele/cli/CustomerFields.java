package org.clientele.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerStatus;

/**
 * The flat field names by which CSV columns reach a customer's data (the generated {@link CustomerData}) and by
 * which the export writes it: the customer's own fields, {@code externalKeys} ({@code SYSTEM:id;SYSTEM:id}), one
 * address ({@code address.*}) and one contact ({@code contact.*}, marked primary). Values are checked by the
 * contract's schema later, not here; only enumerations are parsed, because they cannot be set otherwise.
 */
public final class CustomerFields {
    /** A value that cannot be put into the generated types (an unknown enumeration constant, a malformed key list). */
    public static final class BadValue extends Exception {
        public BadValue(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    interface Writer {
        void write(CustomerData data, String value) throws BadValue;
    }

    private record Field(Function<CustomerData, String> reader, Writer writer) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("kind", new Field(d -> name(d.getKind()), (d, v) -> d.setKind(constant(CustomerKind.class, v))));
        FIELDS.put("name", simple(CustomerData::getName, CustomerData::setName));
        FIELDS.put("email", simple(CustomerData::getEmail, CustomerData::setEmail));
        FIELDS.put("phone", simple(CustomerData::getPhone, CustomerData::setPhone));
        FIELDS.put("status", new Field(d -> name(d.getStatus()),
                (d, v) -> d.setStatus(constant(CustomerStatus.class, v))));
        FIELDS.put("segment", simple(CustomerData::getSegment, CustomerData::setSegment));
        FIELDS.put("owner", simple(CustomerData::getOwner, CustomerData::setOwner));
        FIELDS.put("externalKeys", new Field(CustomerFields::keys, CustomerFields::setKeys));
        FIELDS.put("address.type", new Field(d -> address(d) == null ? null : name(address(d).getType()),
                (d, v) -> address(d, true).setType(constant(AddressType.class, v))));
        addressField("line1", Address::getLine1, Address::setLine1);
        addressField("line2", Address::getLine2, Address::setLine2);
        addressField("city", Address::getCity, Address::setCity);
        addressField("region", Address::getRegion, Address::setRegion);
        addressField("postalCode", Address::getPostalCode, Address::setPostalCode);
        addressField("countryCode", Address::getCountryCode, Address::setCountryCode);
        contactField("firstName", Contact::getFirstName, Contact::setFirstName);
        contactField("lastName", Contact::getLastName, Contact::setLastName);
        contactField("title", Contact::getTitle, Contact::setTitle);
        contactField("email", Contact::getEmail, Contact::setEmail);
        contactField("phone", Contact::getPhone, Contact::setPhone);
    }

    private CustomerFields() {
    }

    /** Every field name, in export column order. */
    public static List<String> names() {
        return List.copyOf(FIELDS.keySet());
    }

    public static boolean exists(String field) {
        return FIELDS.containsKey(field);
    }

    /** Sets one field from a non-empty CSV value. */
    public static void write(CustomerData data, String field, String value) throws BadValue {
        FIELDS.get(field).writer().write(data, value);
    }

    /** The field's value as the export writes it; null when absent. */
    public static String read(CustomerData data, String field) {
        return FIELDS.get(field).reader().apply(data);
    }

    /** The address the flat fields describe: the first one (a CSV row carries one). */
    static Address address(CustomerData data) {
        return data.getAddress().isEmpty() ? null : data.getAddress().get(0);
    }

    /** The contact the flat fields describe: the primary one, else the first. */
    static Contact contact(CustomerData data) {
        return data.getContact().stream().filter(c -> Boolean.TRUE.equals(c.isPrimary())).findFirst()
                .orElse(data.getContact().isEmpty() ? null : data.getContact().get(0));
    }

    private static Address address(CustomerData data, boolean create) {
        if (data.getAddress().isEmpty() && create) {
            Address a = new Address();
            a.setType(AddressType.MAIN);
            data.getAddress().add(a);
        }
        return address(data);
    }

    private static Contact contact(CustomerData data, boolean create) {
        if (data.getContact().isEmpty() && create) {
            Contact c = new Contact();
            c.setPrimary(true);
            data.getContact().add(c);
        }
        return contact(data);
    }

    private static Field simple(Function<CustomerData, String> getter, BiConsumer<CustomerData, String> setter) {
        return new Field(getter, setter::accept);
    }

    private static void addressField(String name, Function<Address, String> getter, BiConsumer<Address, String> setter) {
        FIELDS.put("address." + name, new Field(d -> address(d) == null ? null : getter.apply(address(d)),
                (d, v) -> setter.accept(address(d, true), v)));
    }

    private static void contactField(String name, Function<Contact, String> getter, BiConsumer<Contact, String> setter) {
        FIELDS.put("contact." + name, new Field(d -> contact(d) == null ? null : getter.apply(contact(d)),
                (d, v) -> setter.accept(contact(d, true), v)));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) throws BadValue {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadValue("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String keys(CustomerData data) {
        if (data.getExternalKey().isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (ExternalKey k : data.getExternalKey()) {
            keys.add(k.getSystem() + ":" + k.getId());
        }
        return String.join(";", keys);
    }

    private static void setKeys(CustomerData data, String value) throws BadValue {
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new BadValue("'" + part + "' is not SYSTEM:id (keys are separated by ';')");
            }
            ExternalKey k = new ExternalKey();
            k.setSystem(part.substring(0, colon).trim());
            k.setId(part.substring(colon + 1).trim());
            data.getExternalKey().add(k);
        }
    }
}
