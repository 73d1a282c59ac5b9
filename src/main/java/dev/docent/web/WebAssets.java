package dev.docent.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cache rules for the app's static files. WebJar URLs carry their version, so a browser
 * keeps them a year without asking. The app's own scripts and styles keep their names
 * across releases, so a browser revalidates them on each load (a 304 when nothing
 * changed), by a content hash rather than a jar timestamp; so do the pages of the user
 * guide under {@value #GUIDE}, the sample documents whose citations link there, served
 * under a policy that allows no script at all. Ordered first, so that Spring Boot's
 * default {@code /webjars/**} mapping (no cache headers) is not registered.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebAssets implements WebMvcConfigurer {

    static final String GUIDE = "/guide/";

    /**
     * The guide's pages are HTML and a style sheet, nothing more: no script at all, no
     * form.
     */
    static final String GUIDE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
            .addResourceLocations("classpath:/META-INF/resources/webjars/")
            .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/app/**")
            .addResourceLocations("classpath:/static/app/")
            .setCacheControl(CacheControl.noCache())
            .setEtagGenerator(this::etag);
        registry.addResourceHandler(GUIDE + "**")
            .addResourceLocations("classpath:/static/guide/")
            .setCacheControl(CacheControl.noCache())
            .setEtagGenerator(this::etag);
    }

    /**
     * The guide's address alone opens its index. Browsers ask for {@code /favicon.ico} on
     * pages that name no icon (the guide's), and log the 404 as an error; they get the
     * app's icon.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/guide", GUIDE + "index.html");
        registry.addRedirectViewController(GUIDE, GUIDE + "index.html");
        registry.addRedirectViewController("/favicon.ico", "/app/icon.svg").setStatusCode(HttpStatus.MOVED_PERMANENTLY);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("Content-Security-Policy", GUIDE_POLICY);
                response.setHeader("Referrer-Policy", "same-origin");
                response.setHeader("X-Content-Type-Options", "nosniff");
                return true;
            }
        }).addPathPatterns(GUIDE + "**");
    }

    /**
     * Hashed once per file version: under {@code spring-boot:run} the files can change
     * while the server runs.
     */
    private String etag(Resource resource) {
        try {
            String key = resource.getURL() + "@" + resource.lastModified() + "/" + resource.contentLength();
            return etags.computeIfAbsent(key, k -> "\"" + contentHash(resource) + "\"");
        }
        catch (IOException e) {
            return null;
        }
    }

    private static String contentHash(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return hash(in.readAllBytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short SHA-256 of some content, for ETags. */
    static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 32);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
