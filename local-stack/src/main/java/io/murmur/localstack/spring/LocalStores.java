package io.murmur.localstack.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.murmur.localstack.Store;

/**
 * Runs the named real stores for a Spring test and points the application context at
 * them, the way a Testcontainers {@code @ServiceConnection} does:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;LocalStores({ Store.POSTGRES, Store.KAFKA })
 * class RegistrationIntegrationTests { ... }
 * </pre>
 *
 * Each store starts at most once per test JVM
 * ({@link io.murmur.localstack.LocalStack#shared()}) and its Spring Boot connection
 * properties ({@code spring.datasource.url}, {@code spring.kafka.bootstrap-servers}, ...)
 * take precedence over the application's own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface LocalStores {

	/**
	 * The stores the test needs.
	 * @return the stores
	 */
	Store[] value();

}
