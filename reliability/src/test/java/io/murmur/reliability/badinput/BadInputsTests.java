package io.murmur.reliability.badinput;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.openapi.ApiDocuments;
import io.murmur.reliability.openapi.Operation;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputsTests {

	static final String DOCUMENT = """
			{"openapi":"3.1.0","paths":{
			  "/api/v1/posts":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/New"}}}}}},
			  "/api/v1/posts/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]},
			    "delete":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]}},
			  "/api/v1/feed":{"get":{"parameters":[{"name":"limit","in":"query","schema":{"type":"integer"}}]}},
			  "/api/v1/media":{"post":{"requestBody":{"content":{"multipart/form-data":{"schema":{"type":"object"}}}}}}},
			 "components":{"schemas":{"New":{"type":"object","required":["text"],
			   "properties":{"text":{"type":"string"},"mediaIds":{"type":"array","items":{"type":"string"}}}}}}}
			""";

	final List<Operation> operations = ApiDocuments
		.operations(Map.of("post", JsonMapper.builder().build().readTree(DOCUMENT)));

	@Test
	void shouldReadTheOperationsWithTheirParametersAndResolvedSchemas() {
		assertThat(this.operations).extracting(Operation::toString)
			.containsExactly("post: GET /api/v1/feed", "post: POST /api/v1/media", "post: POST /api/v1/posts",
					"post: DELETE /api/v1/posts/{id}", "post: GET /api/v1/posts/{id}");
		assertThat(this.operations.get(2).bodySchema().path("properties").path("text").path("type").asString())
			.isEqualTo("string");
		assertThat(this.operations.get(1).isMultipart()).isTrue();
	}

	@Test
	void shouldGenerateTheSameRequestsFromTheSameSeed() {
		List<String> first = new BadInputs(this.operations, 42).next(300).stream().map(RawRequest::toString).toList();
		List<String> again = new BadInputs(this.operations, 42).next(300).stream().map(RawRequest::toString).toList();
		List<String> other = new BadInputs(this.operations, 43).next(300).stream().map(RawRequest::toString).toList();

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void shouldGenerateEveryKindOfBadInput() {
		Map<String, Integer> counts = BadInputs.countByMutation(new BadInputs(this.operations, 7).next(2000));

		assertThat(counts).allSatisfy((mutation, count) -> assertThat(count).as(mutation).isGreaterThan(20));
	}

}
