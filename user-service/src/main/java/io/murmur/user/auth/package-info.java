/**
 * Registration and login: handle, email and password rules, password hashing and the
 * throttling of failed logins.
 */
@NullMarked
package io.murmur.user.auth;

import org.jspecify.annotations.NullMarked;
