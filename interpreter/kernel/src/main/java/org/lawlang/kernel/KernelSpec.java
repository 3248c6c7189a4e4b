package org.lawlang.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the kernelspec Jupyter finds law by: a folder `law` under `share/jupyter/kernels`
 * holding `kernel.json` (the command line that starts the kernel on a connection file, the
 * display name, the language) and the logo in the two sizes Jupyter shows.
 */
public final class KernelSpec {
  private KernelSpec() {}

  /** The kernels folder of the user's Jupyter data folder: $JUPYTER_DATA_DIR, else the platform's default. */
  public static Path userKernels() {
    String configured = System.getenv("JUPYTER_DATA_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured, "kernels");
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Jupyter", "kernels");
    }
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return Path.of(appData != null ? appData : home, "jupyter", "kernels");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("jupyter").resolve("kernels");
  }

  /** The kernels folder under an installation prefix (a virtual environment, /usr/local): PREFIX/share/jupyter/kernels. */
  public static Path prefixKernels(Path prefix) {
    return prefix.resolve("share").resolve("jupyter").resolve("kernels");
  }

  /**
   * The command line that starts this kernel: this Java, headless, on the law jar this code was
   * loaded from (or, outside it, on this class path with {@code mainClass}, by default
   * {@link KernelMain}), then {@code args} ("kernel", "-f", "{connection_file}").
   */
  public static List<String> command(String mainClass, List<String> args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> line = new java.util.ArrayList<>(List.of(java, "-Djava.awt.headless=true"));
    Path self = codeSource();
    if (mainClass == null && self != null && runnable(self)) {
      line.addAll(List.of("-jar", self.toString()));
    } else {
      line.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass == null ? KernelMain.class.getName() : mainClass));
    }
    line.addAll(args);
    return line;
  }

  /** Whether {@code file} is a jar that names its main class (the law jar), so that `java -jar` runs it. */
  private static boolean runnable(Path file) {
    if (!file.toString().endsWith(".jar")) {
      return false;
    }
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(file.toFile())) {
      var manifest = jar.getManifest();
      return manifest != null && manifest.getMainAttributes().getValue("Main-Class") != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path codeSource() {
    try {
      var source = KernelSpec.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (java.net.URISyntaxException | SecurityException e) {
      return null;
    }
  }

  /** Writes the kernelspec folder `law` into {@code kernels}; returns it. */
  public static Path install(Path kernels, List<String> argv) throws IOException {
    Path dir = kernels.resolve("law");
    Files.createDirectories(dir);
    ObjectNode spec = Message.JSON.createObjectNode();
    ArrayNode line = spec.putArray("argv");
    argv.forEach(line::add);
    spec.put("display_name", "law").put("language", "law").put("interrupt_mode", "message");
    spec.putObject("env");
    spec.putObject("metadata").put("file_extension", ".law");
    Files.writeString(dir.resolve("kernel.json"), Message.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n");
    for (int size : new int[] {32, 64}) {
      ImageIO.write(logo(size), "png", dir.resolve("logo-" + size + "x" + size + ".png").toFile());
    }
    return dir;
  }

  /** The logo: a falling power law over its floor, on law's blue. */
  static BufferedImage logo(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(size / 64.0, size / 64.0);
      g.setColor(new Color(0x1f4e8c));
      g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, 14, 14));
      g.setColor(new Color(255, 255, 255, 110));
      g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 0, new float[] {3, 4}, 0));
      g.draw(new java.awt.geom.Line2D.Double(8, 50, 56, 50));
      Path2D curve = new Path2D.Double();
      for (int i = 0; i <= 48; i++) {
        double x = 8 + i;
        double loss = 0.25 + 3.2 / Math.pow(1 + i / 3.0, 0.9); // E + A / N^alpha, in screen units
        double y = 50 - 40 * Math.min(1, loss / 3.45);
        if (i == 0) {
          curve.moveTo(x, 64 - y);
        } else {
          curve.lineTo(x, 64 - y);
        }
      }
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(curve);
    } finally {
      g.dispose();
    }
    return img;
  }
}
