package org.clientele.bench;

import java.util.Random;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerStatus;

/** Generates the same realistic customers (1–3 contacts, 1–2 addresses, an ERP key) for the same seed and index, on any machine. */
final class DataSet {
    static final String SYSTEM = "BENCH-ERP";
    static final String[] WORDS = {"Nord", "Sued", "Alpen", "Rhein", "Elbe", "Berg", "Tal", "Stadt", "Land", "Hafen",
            "Werk", "Technik", "Logistik", "Handel", "Bau", "Energie", "Medien", "Software", "Agrar", "Textil"};
    private static final String CONSONANTS = "bcdfghjklmnprstvwxyz";
    private static final String VOWELS = "aeiou";
    private static final String[] FORMS = {"GmbH", "AG", "KG", "SE", "OHG"};
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hans", "Ida", "Jonas",
            "Karla", "Lukas", "Mia", "Noah", "Olga", "Paul"};
    private static final String[] LAST = {"Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Muenchen", "Koeln", "Frankfurt", "Stuttgart", "Leipzig", "Dresden"};
    private static final String[] SEGMENTS = {"SMB", "MID", "ENTERPRISE", "PUBLIC"};

    private final long seed;

    DataSet(long seed) {
        this.seed = seed;
    }

    /** The ERP key of customer {@code index}; unique per seed. */
    ExternalKey key(int index) {
        return key("s" + seed + "-" + index);
    }

    /** The key whose existence says that the whole data set of this seed and size was loaded. */
    ExternalKey marker(int size) {
        return key("s" + seed + "-complete-" + size);
    }

    static ExternalKey key(String id) {
        ExternalKey key = new ExternalKey();
        key.setSystem(SYSTEM);
        key.setId(id);
        return key;
    }

    CustomerData customer(int index) {
        CustomerData data = generate(new Random(seed * 1_000_003L + index), "c" + index);
        data.getExternalKey().add(key(index));
        return data;
    }

    /** A customer drawn from {@code random}, for new records during the measurement (no key added). */
    static CustomerData generate(Random random, String tag) {
        CustomerData data = new CustomerData();
        boolean organization = random.nextInt(4) != 0;
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        data.setKind(organization ? CustomerKind.ORGANIZATION : CustomerKind.PERSON);
        // Each name carries a coined word (like "Kavoti"): real customer names are mostly distinctive, so a search for
        // a customer's name matches about as many customers at 10,000 as at 1,000,000; a name made only of the few
        // common words below matched 1-2 customers at 10,000 and a full page at 1,000,000.
        String coined = coined(random);
        data.setName(organization
                ? pick(random, WORDS) + " " + coined + " " + last + " " + pick(random, FORMS)
                : first + " " + coined + " " + pick(random, WORDS));
        data.setEmail("info-" + tag + "@" + last.toLowerCase() + ".example");
        data.setPhone("+49 30 " + (1_000_000 + random.nextInt(9_000_000)));
        data.setStatus(CustomerStatus.values()[random.nextInt(CustomerStatus.values().length)]);
        data.setSegment(pick(random, SEGMENTS));
        data.setOwner("owner" + random.nextInt(50));
        for (int a = 0, n = 1 + random.nextInt(2); a < n; a++) {
            Address address = new Address();
            address.setType(a == 0 ? AddressType.MAIN : AddressType.BILLING);
            address.setLine1(pick(random, WORDS) + "strasse " + (1 + random.nextInt(200)));
            address.setCity(pick(random, CITIES));
            address.setPostalCode(String.valueOf(10_000 + random.nextInt(89_999)));
            address.setCountryCode("DE");
            data.getAddress().add(address);
        }
        for (int c = 0, n = 1 + random.nextInt(3); c < n; c++) {
            Contact contact = new Contact();
            contact.setFirstName(pick(random, FIRST));
            contact.setLastName(pick(random, LAST));
            contact.setTitle(c == 0 ? "Einkauf" : "Buchhaltung");
            contact.setEmail(contact.getFirstName().toLowerCase() + "." + c + "-" + tag + "@example.org");
            contact.setPhone("+49 40 " + (1_000_000 + random.nextInt(9_000_000)));
            contact.setPrimary(c == 0);
            data.getContact().add(contact);
        }
        return data;
    }

    /** A pronounceable word of three consonant-vowel syllables: 1,000,000 possible words. */
    static String coined(Random random) {
        StringBuilder word = new StringBuilder(6);
        for (int i = 0; i < 3; i++) {
            word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length()))).append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
