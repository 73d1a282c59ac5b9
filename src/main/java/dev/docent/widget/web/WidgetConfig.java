package dev.docent.widget.web;

import dev.docent.apikey.ApiKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WidgetConfig {

    /** After Spring Security's filters (order -100), which verify the guest's token. */
    static final int AFTER_SECURITY = 0;

    @Bean
    FilterRegistrationBean<GuestFilter> guestFilter(ApiKeys keys, JsonMapper json) {
        FilterRegistrationBean<GuestFilter> registration = new FilterRegistrationBean<>(new GuestFilter(keys, json));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/*");
        return registration;
    }

}
