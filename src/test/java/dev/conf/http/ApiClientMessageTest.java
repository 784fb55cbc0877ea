package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiClientMessageTest {
  @Test
  void readsV1AndDataCenterMessages() {
    assertThat(
            ApiClient.atlassianMessage(
                "{\"statusCode\":404,\"message\":\"No space with key : NOPE\"}"))
        .isEqualTo("No space with key : NOPE");
  }

  @Test
  void readsV2Errors() {
    assertThat(
            ApiClient.atlassianMessage(
                "{\"errors\":[{\"status\":400,\"code\":\"INVALID_REQUEST_PARAMETER\",\"title\":\"Provided value {x} for 'id' is not the correct type.\",\"detail\":null}]}"))
        .isEqualTo("Provided value {x} for 'id' is not the correct type.");
  }

  @Test
  void readsNestedDataErrors() {
    assertThat(
            ApiClient.atlassianMessage(
                "{\"statusCode\":404,\"data\":{\"errors\":[{\"message\":\"The requested resource could not be found\"}]}}"))
        .isEqualTo("The requested resource could not be found");
  }

  @Test
  void ignoresHtmlAndEmptyBodies() {
    assertThat(ApiClient.atlassianMessage("<html>Bad gateway</html>")).isEmpty();
    assertThat(ApiClient.atlassianMessage("")).isEmpty();
    assertThat(ApiClient.atlassianMessage(null)).isEmpty();
  }
}
