package io.murmur.user.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.murmur.user.config.UserProperties;

/**
 * Servlet-level web setup: the request body limit, ahead of every other filter.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(UserProperties properties,
			Problems problems) {
		RequestBodyLimitFilter filter = new RequestBodyLimitFilter(properties.web().maxRequestBodySize().toBytes(),
				problems);
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
