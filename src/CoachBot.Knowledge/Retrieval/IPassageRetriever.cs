namespace CoachBot.Knowledge.Retrieval;

/// <summary>Finds the guide passages that answer a question. Thread-safe; the index is built once at start-up.</summary>
public interface IPassageRetriever
{
    RetrievalResult Search(string query, int k = 3);
}
