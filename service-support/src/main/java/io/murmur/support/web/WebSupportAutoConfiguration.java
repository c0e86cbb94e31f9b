package io.murmur.support.web;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The web support of a Spring MVC service: problem responses for every error (the
 * exception handler, the error page and {@link Problems} for filters), the request body
 * limit ahead of every other filter, and strict JSON input.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class },
		after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(WebSupportProperties.class)
public final class WebSupportAutoConfiguration {

	@Bean
	Problems problems(JsonMapper jsonMapper) {
		return new Problems(jsonMapper);
	}

	@Bean
	ApiExceptionHandler apiExceptionHandler(ObjectProvider<StoreUnavailableExceptions> stores) {
		return new ApiExceptionHandler(stores.orderedStream().toList());
	}

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebSupportProperties properties,
			Problems problems) {
		DataSize multipart = (properties.maxMultipartBodySize() != null) ? properties.maxMultipartBodySize()
				: properties.maxRequestBodySize();
		RequestBodyLimitFilter filter = new RequestBodyLimitFilter(properties.maxRequestBodySize().toBytes(),
				properties.maxInternalRequestBodySize().toBytes(), multipart.toBytes(), problems);
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Strict JSON input: a number, boolean or object where the API expects a string is a
	 * client error ({@code {"text": 5}} is refused with 400), not silently turned into
	 * text.
	 * @return the customizer
	 */
	@Bean
	JsonMapperBuilderCustomizer strictTextualInput() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
