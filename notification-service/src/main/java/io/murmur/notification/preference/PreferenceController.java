package io.murmur.notification.preference;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.web.TypeNames;
import io.murmur.support.security.CurrentUser;

/**
 * The caller's notification preferences.
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "notifications")
class PreferenceController {

	private final Preferences preferences;

	PreferenceController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(operationId = "getNotificationPreferences", summary = "Your notification preferences")
	PreferenceResponse get(@AuthenticationPrincipal Jwt token) {
		return PreferenceResponse.of(this.preferences.of(CurrentUser.of(token)));
	}

	@PutMapping
	@Operation(operationId = "setNotificationPreferences",
			summary = "Choose the types you receive and whether from people you do not follow")
	PreferenceResponse put(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PreferenceRequest request) {
		Preference preference = new Preference(
				TypeNames.parse("types", request.types(), NotificationType.causedByPeople()),
				request.fromNotFollowed());
		return PreferenceResponse.of(this.preferences.save(CurrentUser.of(token), preference));
	}

	/**
	 * New preferences, replacing the old ones whole.
	 *
	 * @param types the types to receive; an empty list turns every type off
	 * @param fromNotFollowed whether to receive notifications caused by people you do not
	 * follow
	 */
	record PreferenceRequest(@ArraySchema(schema = @Schema(allowableValues = {
			"follow", "like", "repost", "reply", "mention", "quote" })) @NotNull List<@NotNull String> types,
			@NotNull Boolean fromNotFollowed){

	}

	/**
	 * Preferences as stored.
	 *
	 * @param types the types received
	 * @param fromNotFollowed whether notifications caused by people you do not follow
	 * arrive
	 */
	record PreferenceResponse(List<String> types, boolean fromNotFollowed) {

		static PreferenceResponse of(Preference preference) {
			return new PreferenceResponse(preference.types().isEmpty() ? List.of() : TypeNames.ids(preference.types()),
					preference.fromNotFollowed());
		}

	}

}
