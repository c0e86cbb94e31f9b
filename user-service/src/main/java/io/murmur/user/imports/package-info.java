/**
 * The bulk import of accounts whose passwords are already hashed: the operator's path for
 * migrations and for loading benchmark data, open to service tokens only.
 */
@NullMarked
package io.murmur.user.imports;

import org.jspecify.annotations.NullMarked;
