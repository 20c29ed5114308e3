package org.clientele.platform.ws;

import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps the server's insides out of fault texts. Parser, transport and framework errors arrive with messages that
 * name Java classes and packages (for example the XML parser's lazily thrown exception for {@code &#0;}); the class
 * and package names are cut out, and a text that still looks internal (packages, stack frames, SQL) is replaced by a
 * plain sentence. A fault caused by unreadable XML becomes a Client/Sender fault. Clientele's own fault texts never
 * match and pass unchanged. Runs first in the fault chain, so every later step (the CrmFault detail of schema
 * errors included) sees the cleaned text.
 */
public class FaultScrubbingOutInterceptor extends AbstractPhaseInterceptor<Message> {
    /** A fully qualified class name, with the ": " that usually follows it in exception texts. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");
    private static final Pattern EXCEPTION_WORD = Pattern.compile("\\b[A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(?:com|org|java|javax|jakarta|sun|io|net)\\.[a-z]|Exception|\\bat [a-z]+\\.|\\.java:\\d"
                    + "|(?i:\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.+\\bset\\b|sqlstate|jdbc|hibernate|woodstox|wstx)");
    static final String GENERIC = "The request could not be read: it is not a well-formed SOAP message within the limits";

    public FaultScrubbingOutInterceptor() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        String before = fault.getMessage();
        String after = scrub(before);
        if (!after.equals(before)) {
            fault.setMessage(after);
        }
        if (causedByUnreadableXml(fault) && !Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
    }

    /** The text without class names; a generic sentence when it still shows internal names or nothing is left. */
    static String scrub(String text) {
        if (text == null || text.isBlank()) {
            return GENERIC;
        }
        if (!INTERNAL.matcher(text).find()) {
            return text;
        }
        String cut = EXCEPTION_WORD.matcher(CLASS_NAME.matcher(text).replaceAll("")).replaceAll("").trim();
        int newline = cut.indexOf('\n');
        if (newline >= 0) {
            cut = cut.substring(0, newline).trim(); // never a stack trace or a wrapped cause's dump
        }
        if (cut.length() < 8 || INTERNAL.matcher(cut).find()) {
            return GENERIC;
        }
        return cut;
    }

    private static boolean causedByUnreadableXml(Throwable fault) {
        for (Throwable t = fault.getCause(); t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException || t instanceof java.io.CharConversionException
                    || t.getClass().getName().startsWith("com.ctc.wstx.")) {
                return true;
            }
        }
        return false;
    }
}
