package dev.docent.knowledge.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    @Test
    void theGroupForEveryoneAppliesWithTheLongestMatchWinning() {
        RobotsRules rules = RobotsRules.parse("""
                # comments are ignored
                User-agent: SomeBot
                Disallow: /

                User-agent: *
                Disallow: /3/private/
                Allow: /3/private/public.html
                Disallow: /*.pdf$
                Crawl-delay: 2
                """);

        assertThat(rules.allows("/3/tutorial/index.html")).isTrue();
        assertThat(rules.allows("/3/private/notes.html")).isFalse();
        assertThat(rules.allows("/3/private/public.html")).isTrue();
        assertThat(rules.allows("/3/guide.pdf")).isFalse();
        assertThat(rules.allows("/3/guide.pdf.html")).isTrue();
        assertThat(rules.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aGroupNamingDocentWinsOverTheOneForEveryone() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: Docent
                Disallow: /drafts/
                """);

        assertThat(rules.allows("/guide/")).isTrue();
        assertThat(rules.allows("/drafts/x.html")).isFalse();
    }

    @Test
    void anEmptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n").allows("/anything")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n").allows("/anything")).isFalse();
    }

}
