// The Vercel AI SDK (`ai`) with its OpenAI and Anthropic providers, unchanged, pointed at the gateway.
// `openai(model)` talks the Responses API with the SDK's defaults (store left on): a later turn sends
// the earlier answer back as `item_reference`s (reasoning and message items), which only a gateway that
// keeps the conversation itself can serve when the provider is told to store nothing.
import { readFileSync } from "node:fs";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { generateText, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";
import { GATEWAY, KEY, run } from "./common.mjs";

const openai = createOpenAI({ baseURL: `${GATEWAY}/v1`, apiKey: KEY });
const anthropic = createAnthropic({ baseURL: `${GATEWAY}/v1`, apiKey: KEY });
const EMAIL = "jane.doe@acme.com";

await run({
  async multiturn() {
    const model = openai("gpt-5-mini");       // a reasoning model: each answer holds a reasoning item
    const messages = [{ role: "user", content: `Write to ${EMAIL} about the Q3 churn table` }];
    const turns = [];
    for (const next of ["Make it shorter", "And in French?"]) {
      const result = await generateText({ model, messages, maxRetries: 0 });
      turns.push({ text: result.text, reasoning: result.reasoning.length, finish: result.finishReason });
      messages.push(...result.response.messages, { role: "user", content: next });
    }
    const streamed = streamText({ model, messages, maxRetries: 0 });
    let text = "";
    for await (const piece of streamed.textStream) text += piece;
    turns.push({ text, finish: await streamed.finishReason });
    return { turns };
  },

  async tools() {
    // A tool call and its result over two steps: the call goes back under the item id the gateway gave.
    // (The mock calls the first tool with {"text": <the user's text>}.)
    const calls = [];
    const result = await generateText({
      model: openai("gpt-4o-mini"), maxRetries: 0, stopWhen: stepCountIs(3),
      prompt: `Look up the churn owner for ${EMAIL}`,
      tools: { lookup: tool({ description: "Look up a record", inputSchema: z.object({ text: z.string() }),
                              execute: async ({ text }) => { calls.push(text); return `owner of ${text}`; } }) },
    });
    return { text: result.text, steps: result.steps.length, calls };
  },

  async pdf() {
    // A PDF as a file part: the Responses provider sends it as an `input_file` with the PDF inline.
    const result = await generateText({ model: openai("gpt-4o-mini"), maxRetries: 0, messages: [{ role: "user", content: [
      { type: "file", data: readFileSync(process.env.PDF_PATH), mediaType: "application/pdf", filename: "q3-report.pdf" },
      { type: "text", text: "Summarise this document" }] }] });
    return { text: result.text };
  },

  async anthropic() {
    const result = await generateText({ model: anthropic("claude-sonnet-4-6"), maxRetries: 0,
                                        prompt: `Email ${EMAIL} the Q3 numbers` });
    return { text: result.text, finish: result.finishReason };
  },
});
