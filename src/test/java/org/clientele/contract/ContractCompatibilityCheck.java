package org.clientele.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clientele.contract.ContractCompatibility.Finding;
import org.clientele.contract.ContractCompatibility.Kind;

/**
 * The build step that keeps v1 compatible (run by `mvn verify`, execution "contract-compatibility" in pom.xml):
 * compares wsdl/ and xsd/ with the released baseline in src/contract-baseline/v1/, prints and writes every
 * difference to target/contract-compatibility.txt, and fails on any breaking change. See docs/versioning.md.
 *
 * <p>Arguments: baseline directory, current directory (each holding wsdl/ and xsd/), report file.
 */
public final class ContractCompatibilityCheck {

    private ContractCompatibilityCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path baseline = Path.of(args[0]);
        Path current = Path.of(args[1]);
        Path report = Path.of(args[2]);
        List<Finding> findings = ContractCompatibility.compare(ContractModel.load(baseline), ContractModel.load(current));
        List<Finding> breaking = findings.stream().filter(f -> f.kind() == Kind.BREAKING).toList();
        StringBuilder text = new StringBuilder("Contract compatibility with " + baseline + ": ")
                .append(breaking.size()).append(" breaking, ").append(findings.size() - breaking.size()).append(" compatible change(s)\n");
        findings.forEach(f -> text.append("  ").append(f).append('\n'));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.print(text);
        if (!breaking.isEmpty()) {
            throw new IllegalStateException("The contract breaks v1 clients (" + breaking.size() + " breaking change(s)); "
                    + "v1 may only grow compatibly, breaking changes go into a v2 namespace beside v1 (docs/versioning.md):\n  "
                    + String.join("\n  ", breaking.stream().map(Finding::toString).toList()));
        }
    }
}
