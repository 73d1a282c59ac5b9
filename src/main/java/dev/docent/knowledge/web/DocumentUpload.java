package dev.docent.knowledge.web;

import dev.docent.shared.UploadEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The one endpoint that takes a multipart body: uploading a document set (ADMIN only, say
 * the security rules).
 */
@Configuration(proxyBeanMethods = false)
class DocumentUpload {

    @Bean
    UploadEndpoint documentUploadEndpoint() {
        return new UploadEndpoint(HttpMethod.POST, "/api/v1/documents");
    }

}
