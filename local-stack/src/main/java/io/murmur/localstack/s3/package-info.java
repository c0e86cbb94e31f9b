@NullMarked
package io.murmur.localstack.s3;

import org.jspecify.annotations.NullMarked;
