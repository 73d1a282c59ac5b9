package dev.docent.knowledge.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A site's robots.txt as it applies to Docent: the group naming {@code docent}, else the
 * one for {@code *}; the longest matching Allow or Disallow wins (RFC 9309), {@code *}
 * and {@code $} as wildcards. Crawl-delay is honoured.
 */
final class RobotsRules {

    static final String AGENT = "docent";

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;

    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
    }

    static RobotsRules parse(String text) {
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        Duration oursDelay = null;
        Duration anyoneDelay = null;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        boolean foundOurs = false;
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            boolean forUs = agents.stream().anyMatch(agent -> agent.contains(AGENT));
            boolean forAnyone = agents.contains("*");
            foundOurs |= forUs;
            if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue; // "Disallow:" allows everything
                }
                Rule rule = new Rule(key.equals("allow"), value);
                if (forUs) {
                    ours.add(rule);
                }
                else if (forAnyone) {
                    anyone.add(rule);
                }
            }
            else if (key.equals("crawl-delay")) {
                inRules = true;
                Duration delay = seconds(value);
                if (forUs) {
                    oursDelay = delay;
                }
                else if (forAnyone) {
                    anyoneDelay = delay;
                }
            }
        }
        return foundOurs ? new RobotsRules(ours, oursDelay) : new RobotsRules(anyone, anyoneDelay);
    }

    boolean allows(String path) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path) && (best == null || rule.pattern().length() > best.pattern().length()
                    || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** The delay the site asks for, or null. */
    Duration crawlDelay() {
        return crawlDelay;
    }

    private static boolean matches(String pattern, String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                regex.append(".*");
            }
            else if (c == '$' && i == pattern.length() - 1) {
                regex.append('$');
            }
            else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return java.util.regex.Pattern.compile(regex.toString()).matcher(path).lookingAt();
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

}
