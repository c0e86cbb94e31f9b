/**
 * The user account: the aggregate that registration creates and profiles change.
 */
@NullMarked
package io.murmur.user.account;

import org.jspecify.annotations.NullMarked;
