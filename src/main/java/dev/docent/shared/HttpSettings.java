package dev.docent.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on HTTP requests.
 *
 * @param maxBodyBytes largest request body accepted, multipart uploads excepted (env
 * {@code DOCENT_HTTP_MAX_BODY_BYTES}); a 16,000-character message fits with room to spare
 */
@ConfigurationProperties("docent.http")
public record HttpSettings(@DefaultValue("64KB") DataSize maxBodyBytes) {
}
