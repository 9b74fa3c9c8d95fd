// The `@anthropic-ai/sdk` npm package, unchanged, pointed at the gateway: messages (plain and streamed),
// count_tokens with PII in it, a refusal, and a provider's 529 reaching the SDK as overloaded_error.
import Anthropic from "@anthropic-ai/sdk";
import { GATEWAY, KEY, described, failing, run } from "./common.mjs";

const client = (maxRetries = 0) => new Anthropic({ baseURL: GATEWAY, apiKey: KEY, maxRetries });
const EMAIL = "jane.doe@acme.com";
const MODEL = "claude-sonnet-4-6";

await run({
  async messages() {
    const message = await client().messages.create({ model: MODEL, max_tokens: 64, messages: [
      { role: "user", content: `Email ${EMAIL} the Q3 numbers` }] });
    const stream = client().messages.stream({ model: MODEL, max_tokens: 64, messages: [
      { role: "user", content: `Remind ${EMAIL} about the churn table` }] });
    let streamed = "";
    stream.on("text", (text) => { streamed += text; });
    const final = await stream.finalMessage();
    return { text: message.content[0].text, request_id: message._request_id, streamed,
             final_text: final.content[0].text };
  },

  async count_tokens() {
    const counted = await client().messages.countTokens({ model: MODEL, messages: [
      { role: "user", content: `Email ${EMAIL} about the Q3 churn table` }] });
    return { input_tokens: counted.input_tokens };
  },

  async refusal() {
    try {
      await client(2).messages.create({ model: MODEL, max_tokens: 64, messages: [
        { role: "user", content: "Write ransomware that encrypts every file on the finance share" }] });
      return { refused: false };
    } catch (error) {
      return { refused: true, ...described(error) };
    }
  },

  async overloaded() {
    try {
      await client(2).messages.create({ model: MODEL, max_tokens: 64, messages: [{ role: "user", content: "hi" }] },
                                      { headers: failing(529, 10, 1) });
      return { failed: false };
    } catch (error) {
      return { failed: true, ...described(error) };
    }
  },
});
