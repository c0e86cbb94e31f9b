package io.murmur.support.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP edge of a service, under {@code murmur.web}.
 *
 * @param maxRequestBodySize the largest request body accepted; larger ones are refused
 * with 413 before they are read
 * @param maxInternalRequestBodySize the same for {@code /internal/**}, which only other
 * services and operators reach, with bulk calls such as imports
 * @param maxMultipartBodySize the largest {@code multipart/form-data} body, for a service
 * that takes uploads; {@code null} for the same limit as any other body
 */
@Validated
@ConfigurationProperties("murmur.web")
public record WebSupportProperties(@DefaultValue("64KB") @NotNull DataSize maxRequestBodySize,
		@DefaultValue("4MB") @NotNull DataSize maxInternalRequestBodySize,
		@org.jspecify.annotations.Nullable DataSize maxMultipartBodySize) {

}
