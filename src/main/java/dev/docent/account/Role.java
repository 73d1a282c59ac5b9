package dev.docent.account;

public enum Role {

    USER, ADMIN,

    /**
     * An anonymous visitor of a documentation site, through the widget and a public key
     * (decision 0018).
     */
    GUEST

}
