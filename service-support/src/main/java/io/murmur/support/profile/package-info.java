/**
 * The people a page names, as user-service describes them: one client, one short-lived
 * cache and one shape for every service that shows users.
 */
@NullMarked
package io.murmur.support.profile;

import org.jspecify.annotations.NullMarked;
