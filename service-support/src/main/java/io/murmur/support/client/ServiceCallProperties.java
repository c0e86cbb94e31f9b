package io.murmur.support.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the other services are and how long a call to one may take, under
 * {@code murmur.services}, the same names in every service.
 *
 * @param urls each service's base URL by name ({@code user}, {@code graph}, {@code post},
 * {@code media}, {@code feed}, {@code notification}, {@code search}), from
 * {@code MURMUR_<NAME>_SERVICE_URL}
 * @param connectTimeout how long to wait for a connection, new or from the pool
 * ({@code MURMUR_SERVICE_CONNECT_TIMEOUT})
 * @param timeout how long to wait for an answer ({@code MURMUR_SERVICE_TIMEOUT})
 */
@Validated
@ConfigurationProperties("murmur.services")
public record ServiceCallProperties(@DefaultValue Map<String, URI> urls,
		@DefaultValue("1s") @NotNull Duration connectTimeout, @DefaultValue("5s") @NotNull Duration timeout) {

}
