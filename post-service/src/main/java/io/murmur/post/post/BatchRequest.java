package io.murmur.post.post;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.murmur.post.web.DecimalId;

/**
 * Post ids to read at once.
 *
 * @param ids up to 200 decimal post ids
 */
record BatchRequest(@NotNull @Size(max = 200) List<@NotNull(message = "must be an id") @DecimalId String> ids) {

}
