package io.murmur.support.web;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.startup.Tomcat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The web support of a Spring MVC service: problem responses for every error (the
 * exception handler, the error page, Tomcat's own error report and {@link Problems} for
 * filters), {@code nosniff} on every response, the refusal of malformed query strings,
 * wildcard content types and large bodies ahead of every other filter, and strict JSON
 * input.
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
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<QueryStringFilter> queryStringFilter(Problems problems) {
		FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(
				new QueryStringFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(Problems problems) {
		FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(
				new ContentTypeFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
		return registration;
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
	 * Tomcat's own error responses as problems: the requests it refuses before any filter
	 * runs would otherwise get its HTML error report or no body at all.
	 * @param problems the problem writer
	 * @return the customizer
	 */
	@Bean
	@ConditionalOnClass(Tomcat.class)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(Problems problems) {
		return new ProblemReportValveCustomizer(problems);
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
