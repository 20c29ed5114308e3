package org.clientele.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A server-wide setting shared by all nodes, such as the page-token signing key. */
@Entity
@Table(name = "clientele_setting")
public class Setting {
    @Id
    @Column(name = "name", length = 100)
    private String name;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "setting_value", nullable = false, length = 1000)
    private String value;

    protected Setting() {
    }

    public Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String value() {
        return value;
    }
}
