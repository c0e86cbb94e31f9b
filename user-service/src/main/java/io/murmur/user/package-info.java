/**
 * user-service: accounts, identity and profiles of Murmur users.
 */
@NullMarked
package io.murmur.user;

import org.jspecify.annotations.NullMarked;
