package dev.docent.mcp.web;

import dev.docent.apikey.ApiKeys;
import dev.docent.mcp.DocsTools;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The MCP server on Docent's HTTP port. Stateless Streamable HTTP: every call is one POST
 * answered with JSON, no session kept on the instance, so any instance behind the load
 * balancer can serve any call (decision 0015).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class McpConfig {

    static final String ENDPOINT = "/mcp";

    static final int MAX_REQUEST_BYTES = 64 * 1024;

    /** The SDK's mapper, writing the transport's refusals as plain JSON-RPC errors. */
    private static final McpJsonMapper JSON = new PlainErrors(McpJsonDefaults.getMapper());

    @Bean
    HttpServletStatelessServerTransport mcpTransport() {
        return HttpServletStatelessServerTransport.builder()
            .jsonMapper(JSON)
            .messageEndpoint(ENDPOINT)
            .maxRequestSize(MAX_REQUEST_BYTES)
            .contextExtractor(request -> McpTransportContext.create(request.getAttribute(DocsTools.KEY) == null
                    ? Map.of() : Map.of(DocsTools.KEY, request.getAttribute(DocsTools.KEY))))
            .build();
    }

    @Bean
    ServletRegistrationBean<McpEndpoint> mcpServlet(HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<McpEndpoint> registration = new ServletRegistrationBean<>(
                new McpEndpoint(transport, JSON, MAX_REQUEST_BYTES), ENDPOINT);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, DocsTools tools,
            ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return McpServer.sync(transport)
            .serverInfo("docent", properties == null ? "dev" : properties.getVersion())
            .instructions("""
                    Docent answers from official documentation. Call list_document_sets to see what is \
                    indexed, search_docs for exact passages, ask_docs for a short cited answer.""")
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .tools(tools.specifications())
            // the tools run on the request's own thread, like any other request
            .immediateExecution(true)
            .build();
    }

    /**
     * Before the bearer-token chain, which would read a secret key as a malformed access
     * token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain mcpSecurity(HttpSecurity http, ApiKeys keys) throws Exception {
        return http.securityMatcher(ENDPOINT, ENDPOINT + "/**")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .logout(logout -> logout.disable())
            .anonymous(anonymous -> anonymous.disable())
            .addFilterBefore(new SecretKeyFilter(keys), AuthorizationFilter.class)
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .build();
    }

}
