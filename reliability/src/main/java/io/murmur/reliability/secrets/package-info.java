/**
 * The check that no private key or secret is committed.
 */
@NullMarked
package io.murmur.reliability.secrets;

import org.jspecify.annotations.NullMarked;
