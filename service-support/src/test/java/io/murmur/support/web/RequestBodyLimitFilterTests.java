package io.murmur.support.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestBodyLimitFilterTests {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(16, 64, 128,
			new Problems(new JsonMapper()));

	@Test
	void shouldRefuseADeclaredLengthOverTheLimitBeforeReading() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/register");
		request.setContent(new byte[17]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("https://murmur.example/problems/payload-too-large");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void shouldStopReadingABodyOfUnknownLengthAtTheLimit() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/register") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContent(new byte[17]);
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		HttpServletRequest limited = (HttpServletRequest) chain.getRequest();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> limited.getInputStream().readAllBytes());
	}

	@Test
	void shouldPassBodiesWithinTheLimit() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/register");
		request.setContent(new byte[16]);
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes()).hasSize(16);
	}

	@Test
	void shouldGiveInternalPathsTheirOwnLimit() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/internal/users/import");
		request.setContent(new byte[64]);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes()).hasSize(64);

		MockHttpServletRequest tooLarge = new MockHttpServletRequest("POST", "/internal/users/import");
		tooLarge.setContent(new byte[65]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(tooLarge, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void shouldGiveMultipartBodiesTheirOwnLimitAndKeepJsonSmall() throws ServletException, IOException {
		MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/v1/media");
		upload.setContentType("multipart/form-data; boundary=x");
		upload.setContent(new byte[128]);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(upload, new MockHttpServletResponse(), chain);
		assertThat(((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes()).hasSize(128);

		MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/v1/media/uploads");
		json.setContentType("application/json");
		json.setContent(new byte[128]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(json, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(413);
	}

}
