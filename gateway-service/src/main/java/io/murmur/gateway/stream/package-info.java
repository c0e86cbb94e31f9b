/**
 * The route of the notification stream: server-sent events, held open for as long as the
 * client reads, with a cap on the streams one user keeps open.
 */
@NullMarked
package io.murmur.gateway.stream;

import org.jspecify.annotations.NullMarked;
