// Lints and renders Helm charts with helm-java (Helm's own Go code as a native library), in one JVM.
// Run as a single-file program: java -cp '.local/helm-java/libs/*' infra/helm/HelmCheck.java <jobs-file>
// Each line of the jobs file is tab-separated:
//   lint      <chart dir>  <out file>                 -> out: "ok" or "failed", then Helm's messages
//   template  <chart dir>  <values file or ->  <out file>  -> out: the rendered manifests;
//                                                         on error <out file>.error holds the message
// The exit code is 0 when every job ran (the caller reads the results), 2 on bad usage.
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class HelmCheck {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: HelmCheck <jobs file>");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.isBlank()) continue;
      String[] f = line.split("\t");
      long t0 = System.nanoTime();
      switch (f[0]) {
        case "lint" -> {
          Path out = Path.of(f[2]);
          StringBuilder text = new StringBuilder();
          try {
            LintResult result = new Helm(Path.of(f[1])).lint().strict().call();
            text.append(result.isFailed() ? "failed\n" : "ok\n");
            for (String message : result.getMessages()) text.append(message).append('\n');
          } catch (Exception e) {
            text.append("failed\n").append(e.getMessage()).append('\n');
          }
          Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        }
        case "template" -> {
          Path out = Path.of(f[3]);
          Path error = Path.of(f[3] + ".error");
          Files.deleteIfExists(out);
          Files.deleteIfExists(error);
          try {
            TemplateCommand command = new Helm(Path.of(f[1])).template().withName("tributary").withNamespace("tributary");
            if (!f[2].equals("-")) command = command.withValuesFile(Path.of(f[2]));
            Files.writeString(out, command.call(), StandardCharsets.UTF_8);
          } catch (Exception e) {
            Files.writeString(error, String.valueOf(e.getMessage()), StandardCharsets.UTF_8);
          }
        }
        default -> {
          System.err.println("unknown job: " + line);
          System.exit(2);
        }
      }
      System.err.printf("helm %s %s: %d ms%n", f[0], f.length > 3 ? f[2] : f[1], (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
