package org.lawlang.kernel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs messages as the protocol asks: the hex HMAC of the header, parent header, metadata and
 * content frames under the connection file's key. An empty key means no signing (Jupyter's
 * own convention), and then every signature is accepted.
 */
final class Signer {
  private final byte[] key;
  private final String algorithm;

  Signer(String key, String scheme) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
    if (!scheme.startsWith("hmac-")) {
      throw new IllegalArgumentException("unsupported signature scheme " + scheme + " (law signs with hmac-sha256)");
    }
    this.algorithm = "Hmac" + scheme.substring(5).toUpperCase(java.util.Locale.ROOT);
  }

  String sign(List<byte[]> frames) {
    if (key.length == 0) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      frames.forEach(mac::update);
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code signature} is right for the frames, compared in constant time. */
  boolean verify(String signature, List<byte[]> frames) {
    if (key.length == 0) {
      return true;
    }
    return MessageDigest.isEqual(sign(frames).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
  }
}
