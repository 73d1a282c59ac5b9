package dev.docent.shared;

/** A bad or missing setting: the start stops with one line naming the variable. */
public class ConfigurationProblem extends RuntimeException {

    public ConfigurationProblem(String message) {
        super(message);
    }

}
