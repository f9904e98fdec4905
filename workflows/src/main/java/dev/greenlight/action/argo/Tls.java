package dev.greenlight.action.argo;

import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The TLS options of one Argo Server: a CA file to trust, or (never by default) no checks. */
final class Tls {
  private static final Logger log = LoggerFactory.getLogger(Tls.class);

  private Tls() {}

  static void apply(OkHttpClient.Builder http, String name, ArgoServer server) {
    if (server.caFile() != null) {
      X509TrustManager trust = trustOnly(name, Path.of(server.caFile()));
      http.sslSocketFactory(context(trust).getSocketFactory(), trust);
    } else if (server.insecureSkipVerify()) {
      log.warn(
          "Argo server '{}': TLS certificate and host name checks are OFF"
              + " (insecure-skip-verify); use ca-file instead",
          name);
      X509TrustManager trust = new TrustAll();
      http.sslSocketFactory(context(trust).getSocketFactory(), trust);
      http.hostnameVerifier((host, session) -> true);
    }
  }

  private static X509TrustManager trustOnly(String name, Path file) {
    String key = "argo.servers." + name + ".ca-file";
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new ConfigException(key + ": " + file + " holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry("argo-ca-" + i++, c);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new ConfigException(key + ": no X.509 trust manager in this JVM");
    } catch (NoSuchFileException e) {
      throw new ConfigException(key + ": " + file + " does not exist", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(key + ": " + file + " is not a PEM file of certificates", e);
    }
  }

  private static SSLContext context(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** Accepts every certificate: only behind {@code insecure-skip-verify: true}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
