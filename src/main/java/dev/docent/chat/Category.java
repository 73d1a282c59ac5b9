package dev.docent.chat;

public enum Category {

    OFFICIAL_DOCS, GENERAL

}
