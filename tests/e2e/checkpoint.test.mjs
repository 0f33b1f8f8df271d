// Checkpoints in the browser (issue 8): the word count with a checkpointLocation, reloaded mid-stream,
// resumes from the checkpoint kept in IndexedDB: the counts and the batch ids continue. Reset
// checkpoints starts it afresh.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { batchText, launch, openPage, output, screenshot, shareFragment, startStaticServer, tableCounts, typeInTerminal, waitForStoredFile } from './harness.mjs';

let server;
before(async () => {
  server = await startStaticServer();
});
after(() => server.close());

const CHECKPOINTED_WORD_COUNT = `from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split

spark = SparkSession.builder.appName("StructuredNetworkWordCount").getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
words = lines.select(explode(split(lines.value, " ")).alias("word"))
wordCounts = words.groupBy("word").count()
query = wordCounts.writeStream.outputMode("complete").format("console") \\
    .option("checkpointLocation", "/checkpoints/wordcount").start()
query.awaitTermination()
`;

const run = (page) => page.getByRole('button', { name: 'Run', exact: true }).click();
const resumedLine = (page) => output(page).locator('pre.log', { hasText: 'Resumed from checkpoint' });

test('a reload mid-stream resumes the word count from its checkpoint', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url + shareFragment(CHECKPOINTED_WORD_COUNT));
    await run(page);
    await batchText(page, 0);
    assert.equal(await resumedLine(page).count(), 0, 'a fresh checkpoint is not a resume');
    const note = page.getByRole('region', { name: 'Terminal' }).getByRole('note');
    assert.match(await note.textContent(), /socket source is for testing only: it "does not provide end-to-end fault-tolerance guarantees"/);
    assert.match(await note.textContent(), /resumes after a reload/);

    await typeInTerminal(page, 'cat dog');
    assert.deepEqual(tableCounts(await batchText(page, 1)), { cat: 1, dog: 1 });
    await typeInTerminal(page, 'cat');
    assert.deepEqual(tableCounts(await batchText(page, 2)), { cat: 2, dog: 1 });
    await waitForStoredFile(page, '/checkpoints/wordcount/commits/2');

    // Mid-stream: the query is still running when the page goes away.
    assert.equal(await page.locator('body').getAttribute('data-running'), 'true');
    await page.reload();
    await page.locator('body[data-engine=ready]').waitFor({ timeout: 20_000 });
    assert.equal(await output(page).locator('pre.batch').count(), 0, 'Spark does not restart a query by itself');
    await run(page);
    await resumedLine(page).waitFor();
    assert.match(await resumedLine(page).textContent(), /Resumed from checkpoint \/checkpoints\/wordcount at batch 3/);
    await typeInTerminal(page, 'cat');
    assert.deepEqual(tableCounts(await batchText(page, 3)), { cat: 3, dog: 1 });
    // Batches 0-2 ran before the reload; after it the numbering goes on at 3, and nothing is redone.
    const ids = await output(page).locator('pre.batch').evaluateAll((els) => els.map((e) => /Batch: (\d+)/.exec(e.textContent)[1]));
    assert.deepEqual(ids, ['3']);
    await screenshot(page, '5-checkpoint-resumed-after-reload');

    await page.getByRole('button', { name: 'Reset checkpoints' }).click();
    await page.getByRole('status').filter({ hasText: 'Checkpoints and typed lines forgotten' }).waitFor();
    await run(page);
    await batchText(page, 0);
    await typeInTerminal(page, 'cat');
    assert.deepEqual(tableCounts(await batchText(page, 1)), { cat: 1 });
    assert.equal(await resumedLine(page).count(), 0, 'after a reset the query starts afresh');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.locator('body[data-running=false]').waitFor();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
