package io.murmur.post.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.murmur.post.config.PostProperties;

/**
 * Servlet-level web setup: the request body limit, ahead of every other filter, so that
 * no one reads a body far larger than any post.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PostProperties properties,
			Problems problems) {
		RequestBodyLimitFilter filter = new RequestBodyLimitFilter(properties.maxRequestBodySize().toBytes(), problems);
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
