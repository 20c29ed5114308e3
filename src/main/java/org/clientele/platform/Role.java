package org.clientele.platform;

/** The API roles kept in Elytron; crm-admin may call everything. */
public enum Role {
    ADMIN("crm-admin"),
    INTEGRATION("crm-integration"),
    AGENT("crm-agent"),
    MARKETING("crm-marketing"),
    READONLY("crm-readonly");

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name in the security realm. */
    public String roleName() {
        return roleName;
    }
}
