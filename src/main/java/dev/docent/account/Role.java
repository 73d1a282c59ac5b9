package dev.docent.account;

public enum Role {

    USER, ADMIN

}
