package dev.docent.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Browser;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The web app in a browser whose language is Korean: every screen in Korean, the html
 * lang attribute following, and the switch to English and back remembered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AdminSite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KoreanPageTest {

    @RegisterExtension
    static final Browser browser = new Browser(Browser.speaking("ko-KR"));

    @LocalServerPort
    int port;

    Api admin;

    @BeforeAll
    void documents() {
        admin = AdminSite.admin(port);
        AdminSite.deleteDocuments(admin);
        admin.ingest("tea", "Tea at home", Map.of("tea.md", LearnerPageTest.TEA));
    }

    @AfterAll
    void deleteDocuments() {
        AdminSite.deleteDocuments(admin);
    }

    @Test
    void aKoreanBrowserGetsTheAppInKoreanAndTheSwitchChangesIt() {
        browser.clearCookies();
        browser.open("http://127.0.0.1:" + port + "/");
        browser.script("localStorage.clear()");
        browser.driver().navigate().refresh();

        browser.visible("#signin-form");
        assertThat(browser.script("return navigator.language")).isEqualTo("ko-KR");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ko");
        assertThat(browser.find("#signin-heading").getText()).isEqualTo("로그인");
        assertThat(browser.find("label[for='signin-username']").getText()).isEqualTo("사용자 이름");
        assertThat(browser.find("#signin-switch").getText()).isEqualTo("계정 만들기");
        browser.find("#signin-switch").click();
        assertThat(browser.find("#signin-heading").getText()).isEqualTo("계정 만들기");
        String username = Pages.newUsername();
        browser.visible("#signin-username").sendKeys(username);
        browser.find("#signin-password").sendKeys(Pages.PASSWORD, org.openqa.selenium.Keys.ENTER);
        browser.visible("#app");

        assertThat(browser.find("#chat-title").getText()).isEqualTo("새 채팅");
        assertThat(browser.find("#new-chat").getText()).isEqualTo("+ 새 채팅");
        assertThat(browser.find("#signout").getText()).isEqualTo("로그아웃");
        assertThat(browser.find("#send").getText()).isEqualTo("보내기");
        assertThat(browser.find("#composer-input").getDomAttribute("placeholder")).isEqualTo("질문을 입력하세요");
        assertThat(browser.visible("#model-hint").getText()).contains("언어 모델이 설정되지 않아", "DOCENT_LLM_PROVIDER");
        assertThat(browser.find("#document-select option").getText()).isEqualTo("Tea at home (1쪽)");
        String starter = browser.await(d -> browser.findAll("#starters:not([hidden]) .starter").size() == 2
                ? browser.findAll(".starter").getFirst().getText() : null);
        assertThat(starter).endsWith("에 대해 알려 주세요");
        assertThat(Pages.unlabelledControls(browser)).isEmpty();

        browser.findAll(".starter").getFirst().click();
        Pages.awaitAnswered(browser);
        assertThat(browser.find(".message.assistant h2").getDomProperty("textContent")).isEqualTo("Docent의 답변");

        new Select(browser.find("#language")).selectByValue("en");
        browser.await(d -> "en".equals(browser.script("return document.documentElement.lang")));
        browser.visible("#app");
        browser.await(d -> browser.find("#signout").getText().equals("Sign out"));
        assertThat(browser.script("return localStorage.getItem('docent.language')")).isEqualTo("en");
        browser.await(d -> browser.findAll(".message.assistant").size() == 1);
        assertThat(browser.find(".message.assistant h2").getDomProperty("textContent")).isEqualTo("Docent answered");

        new Select(browser.find("#language")).selectByValue("ko");
        browser.await(d -> "ko".equals(browser.script("return document.documentElement.lang")));
        browser.await(d -> browser.find("#signout").getText().equals("로그아웃"));
        Pages.assertNoScriptErrors(browser);
        browser.script("localStorage.clear()");
    }

}
