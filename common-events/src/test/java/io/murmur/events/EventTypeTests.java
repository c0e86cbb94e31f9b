package io.murmur.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.murmur.events.graph.GraphEvent;
import io.murmur.events.media.MediaEvent;
import io.murmur.events.post.PostEvent;
import io.murmur.events.user.UserEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypeTests {

	private static final Map<Class<?>, String> topicOfContext = Map.of(UserEvent.class, Topics.USER, GraphEvent.class,
			Topics.GRAPH, PostEvent.class, Topics.POST, MediaEvent.class, Topics.MEDIA);

	@Test
	void shouldRegisterEveryEventOfEachContextOnItsTopic() {
		topicOfContext.forEach((context, topic) -> {
			List<Class<?>> registered = Arrays.stream(EventType.values())
				.filter((type) -> type.topic().equals(topic))
				.<Class<?>>map(EventType::eventClass)
				.toList();
			assertThat(registered).as(context.getSimpleName())
				.containsExactlyInAnyOrder(context.getPermittedSubclasses());
		});
	}

	@ParameterizedTest
	@EnumSource
	void shouldUseLogicalVersionedTypeIds(EventType type) {
		assertThat(type.id()).matches("[a-z]+\\.[a-z]+\\.v1").doesNotContain(type.eventClass().getSimpleName());
		assertThat(EventType.forId(type.id())).contains(type);
		assertThat(EventType.of(SampleEvents.of(type))).isEqualTo(type);
	}

	@Test
	void shouldHaveTheDocumentedTypeIds() {
		assertThat(Arrays.stream(EventType.values()).map(EventType::id)).containsExactly("user.registered.v1",
				"profile.updated.v1", "user.followed.v1", "user.unfollowed.v1", "post.created.v1", "post.deleted.v1",
				"post.liked.v1", "post.unliked.v1", "post.reposted.v1", "post.unreposted.v1", "media.uploaded.v1",
				"media.deleted.v1");
	}

	@Test
	void shouldNotFindAnUnknownTypeId() {
		assertThat(EventType.forId("post.created.v2")).isEmpty();
		assertThat(EventType.forId("io.murmur.events.post.PostCreated")).isEmpty();
	}

	@Test
	void shouldKeyEventsByTheAggregateWhoseEventsMustStayInOrder() {
		String alice = Long.toString(SampleEvents.ALICE);
		String bob = Long.toString(SampleEvents.BOB);
		assertThat(SampleEvents.of(EventType.PROFILE_UPDATED).key()).isEqualTo(alice);
		assertThat(SampleEvents.of(EventType.USER_FOLLOWED).key()).isEqualTo(bob);
		assertThat(SampleEvents.of(EventType.POST_CREATED).key()).isEqualTo(alice);
		assertThat(SampleEvents.of(EventType.POST_LIKED).key()).as("author of the liked post, not the liker")
			.isEqualTo(alice);
		assertThat(SampleEvents.of(EventType.POST_REPOSTED).key()).as("author of the original, not the reposter")
			.isEqualTo(alice);
		assertThat(SampleEvents.of(EventType.MEDIA_UPLOADED).key()).isEqualTo(alice);
	}

	@Test
	void shouldRefuseTheTypeOfAnUnregisteredEvent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventType.of(new EventSerializerTests.Unregistered(null, null)));
	}

}
